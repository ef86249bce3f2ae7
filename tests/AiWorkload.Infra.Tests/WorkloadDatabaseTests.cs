// Targets Pulumi 3.114.2 (Pulumi.Testing, Output.IsSecretAsync, PULUMI_CONFIG) and Pulumi.AzureNative 3.28.0 resource
// tokens (dbforpostgresql Server, Database, FirewallRule); see Directory.Packages.props.
using System.Data.Common;
using AiWorkload.Messaging.Topology;
using Pulumi;

namespace AiWorkload.Infra.Tests;

/// <summary>The workload database: server, database, firewall rule, the secret connection string, and the switch.</summary>
[Collection(PulumiCollection.Name)]
public sealed class WorkloadDatabaseTests
{
    private const string Host = "aiworkload-test-db.postgres.database.azure.com";

    [Fact]
    public async Task The_server_is_a_burstable_postgres_16_with_32_gb_in_the_stack_resource_group()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Database = Deployments.Database() });

        var server = deployed.Mocks.Named(ServiceBusMocks.PostgresServerType, "aiworkload-test-db");
        Assert.Equal("rg-aiworkload-test", server.Get("resourceGroupName"));
        Assert.Equal("westeurope", server.Get("location"));
        Assert.Equal("16", server.Get("version"));
        Assert.Equal("aiworkload", server.Get("administratorLogin"));
        Assert.Equal(Deployments.DatabasePassword, server.Get("administratorLoginPassword"));
        var sku = server.Object("sku");
        Assert.Equal("Standard_B1ms", sku["name"]);
        Assert.Equal("Burstable", sku["tier"]);
        Assert.Equal(32d, server.Object("storage")["storageSizeGB"]);
        Assert.Equal("aiworkload", server.Object("tags")["application"]);
    }

    [Fact]
    public async Task The_configured_sku_and_login_are_used()
    {
        var database = Deployments.Database() with { SkuTier = DatabaseSettings.GeneralPurpose, SkuName = "Standard_D2ds_v5", AdministratorLogin = "workload_admin" };

        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Database = database });

        var server = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.PostgresServerType));
        Assert.Equal("GeneralPurpose", server.Object("sku")["tier"]);
        Assert.Equal("Standard_D2ds_v5", server.Object("sku")["name"]);
        Assert.Equal("workload_admin", server.Get("administratorLogin"));
        Assert.Contains("Username=workload_admin;", await deployed.ValueAsync<string>("workloadDatabaseConnectionString"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workload_database_and_the_allow_azure_services_rule_are_on_that_server()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Database = Deployments.Database() });

        var database = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.PostgresDatabaseType));
        Assert.Equal("workload", database.Get("databaseName"));
        Assert.Equal("aiworkload-test-db", database.Get("serverName"));
        Assert.Equal("rg-aiworkload-test", database.Get("resourceGroupName"));

        var rule = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.PostgresFirewallRuleType));
        Assert.Equal(WorkloadDatabaseStack.AllowAzureServicesRule, rule.Get("firewallRuleName"));
        Assert.Equal("0.0.0.0", rule.Get("startIpAddress"));
        Assert.Equal("0.0.0.0", rule.Get("endIpAddress"));
        Assert.Equal("aiworkload-test-db", rule.Get("serverName"));
        Assert.Equal("rg-aiworkload-test", rule.Get("resourceGroupName"));
    }

    [Fact]
    public async Task The_connection_string_is_a_secret_in_npgsql_format_with_tls_required()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Database = Deployments.Database() });

        var output = deployed.Output<string>("workloadDatabaseConnectionString");
        Assert.True(await Output.IsSecretAsync(output));
        var connectionString = await output.GetValueAsync();
        // The password holds ';' and '=', so it is quoted; parsed back, every keyword has its value.
        Assert.Equal($"Host={Host};Database=workload;Username=aiworkload;Password=\"Pa55;word=x\";SSL Mode=Require", connectionString);
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        Assert.Equal(Deployments.DatabasePassword, parsed["Password"]);
        Assert.Equal("Require", parsed["SSL Mode"]);

        Assert.Equal("aiworkload-test-db", await deployed.ValueAsync<string>("databaseServerName"));
        Assert.Equal(Host, await deployed.ValueAsync<string>("databaseHost"));
        Assert.False(await Output.IsSecretAsync(deployed.Output<string>("databaseHost")));
    }

    [Fact]
    public async Task Config_creates_the_database_by_default_with_the_secret_password()
    {
        var deployed = await Deployments.RunWithConfigAsync(WorkloadTopology.Model, """
            { "azure-native:location": "westeurope", "aiworkload:databasePassword": "Pa55;word=x" }
            """);

        Assert.Equal("aiworkload-test-db", deployed.Mocks.Named(ServiceBusMocks.PostgresServerType, "aiworkload-test-db").Get("serverName"));
        Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.PostgresDatabaseType));
        Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.PostgresFirewallRuleType));
        Assert.True(await Output.IsSecretAsync(deployed.Output<string>("workloadDatabaseConnectionString")));
    }

    [Fact]
    public async Task Database_false_creates_no_server_database_or_rule_and_no_output()
    {
        var deployed = await Deployments.RunWithConfigAsync(WorkloadTopology.Model, """
            { "azure-native:location": "westeurope", "aiworkload:database": "false" }
            """);

        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.PostgresServerType));
        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.PostgresDatabaseType));
        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.PostgresFirewallRuleType));
        Assert.False(deployed.Outputs.ContainsKey("databaseServerName"));
        Assert.False(deployed.Outputs.ContainsKey("databaseHost"));
        Assert.False(deployed.Outputs.ContainsKey("workloadDatabaseConnectionString"));
        Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.NamespaceType));
    }

    [Fact]
    public async Task A_missing_password_stops_the_program_before_anything_is_created()
    {
        var mocks = new ServiceBusMocks();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployments.RunWithConfigAsync(WorkloadTopology.Model, """
            { "azure-native:location": "westeurope" }
            """, mocks));

        // Settings are loaded before the first resource, so not even the resource group is registered.
        Assert.Empty(mocks.Resources);
        // The engine wraps the program's exception (RunException); its text carries the message.
        Assert.Contains(
            "aiworkload:databasePassword is not set. Set it with `pulumi config set --secret aiworkload:databasePassword <password>`, " +
            "or set aiworkload:database to false to provision no database.",
            error.ToString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercaseletters")]
    [InlineData("lowercase1234")]
    public void A_password_azure_refuses_is_refused_without_showing_it(string password)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.CheckPassword(password));

        Assert.StartsWith("aiworkload:databasePassword does not meet Azure's rule", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pa55;word=x")]
    [InlineData("correct-Horse-battery")]
    public void A_password_azure_accepts_is_passed_through(string password)
    {
        Assert.Equal(password, DatabaseSettings.CheckPassword(password));
    }
}
