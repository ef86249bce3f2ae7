// Targets Pulumi.AzureNative 3.28.0 (DBforPostgreSQL.Server/ServerArgs, Inputs.SkuArgs, Inputs.StorageArgs, Database/
// DatabaseArgs, FirewallRule/FirewallRuleArgs; the flexible server, "azure-native:dbforpostgresql:Server") and Pulumi
// 3.114.2 (Output.All, Output.CreateSecret, InputUnion<string, TEnum>); see Directory.Packages.props.
using Pulumi;
using Postgres = Pulumi.AzureNative.DBforPostgreSQL;
using PostgresInputs = Pulumi.AzureNative.DBforPostgreSQL.Inputs;

namespace AiWorkload.Infra;

/// <summary>
/// The database the three hosts share their state through: a PostgreSQL flexible server, the <c>workload</c> database
/// and the "Allow Azure services" firewall rule, in the stack's resource group. Composition only: every setting comes
/// from <see cref="DatabaseSettings"/>.
/// </summary>
public static class WorkloadDatabaseStack
{
    /// <summary>
    /// Sent as a string: <c>ServerArgs.Version</c> is <c>InputUnion&lt;string, enum&gt;</c>, and the enum is
    /// <c>ServerVersion</c> (REST API 2024-08-01, up to 16) or <c>PostgresMajorVersion</c> (2025-08-01) depending on the
    /// API version a 3.x release defaults to; "16" is valid in both.
    /// </summary>
    public const string PostgresVersion = "16";

    /// <summary>The smallest storage a flexible server takes; it can grow later, never shrink.</summary>
    public const int StorageSizeGb = 32;

    /// <summary>
    /// Start and end 0.0.0.0 is the documented "Allow public access from any Azure service within Azure" rule: Container
    /// Apps have no fixed outbound address, so this is what lets them connect without a virtual network.
    /// </summary>
    public const string AllowAzureServicesRule = "AllowAllAzureServicesAndResourcesWithinAzureIps";

    /// <summary>Creates the server, database and firewall rule, and returns their outputs.</summary>
    public static IDictionary<string, object?> Build(
        DatabaseSettings settings, Output<string> resourceGroupName, string location, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(resourceGroupName);
        ArgumentNullException.ThrowIfNull(tags);
        settings.Validate();

        // Checked where the secret is known; an apply keeps it secret.
        var password = settings.AdministratorPassword.Apply(value => DatabaseSettings.CheckPassword(value));

        var server = new Postgres.Server("database-server", new Postgres.ServerArgs
        {
            ResourceGroupName = resourceGroupName,
            ServerName = settings.ServerName,
            Location = location,
            Version = PostgresVersion,
            AdministratorLogin = settings.AdministratorLogin,
            AdministratorLoginPassword = password,
            Sku = new PostgresInputs.SkuArgs { Name = settings.SkuName, Tier = settings.SkuTier },
            Storage = new PostgresInputs.StorageArgs { StorageSizeGB = StorageSizeGb },
            Tags = new Dictionary<string, string>(tags),
        });

        var database = new Postgres.Database("workload-database", new Postgres.DatabaseArgs
        {
            ResourceGroupName = resourceGroupName,
            ServerName = server.Name,
            DatabaseName = DatabaseSettings.DatabaseName,
        });

        _ = new Postgres.FirewallRule("database-allow-azure-services", new Postgres.FirewallRuleArgs
        {
            ResourceGroupName = resourceGroupName,
            ServerName = server.Name,
            FirewallRuleName = AllowAzureServicesRule,
            StartIpAddress = "0.0.0.0",
            EndIpAddress = "0.0.0.0",
        });

        var host = server.FullyQualifiedDomainName.Apply(fqdn =>
            fqdn ?? throw new InvalidOperationException($"Azure returned no host name for server {settings.ServerName}."));
        var connectionString = Output.All(host, database.Name, password).Apply(values =>
            NpgsqlConnectionString.Build(values[0], values[1], settings.AdministratorLogin, values[2]));

        return new Dictionary<string, object?>
        {
            ["databaseServerName"] = server.Name,
            ["databaseHost"] = host,
            // Secret already, through the password; marked explicitly so that it stays secret whatever feeds it.
            ["workloadDatabaseConnectionString"] = Output.CreateSecret(connectionString),
        };
    }
}
