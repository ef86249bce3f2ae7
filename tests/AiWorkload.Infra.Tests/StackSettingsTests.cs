// Targets Pulumi 3.114.2 (Pulumi.Config read from PULUMI_CONFIG, Config.GetSecret, Output.IsSecretAsync, Deployment.TestAsync);
// see Directory.Packages.props.
using Pulumi;

namespace AiWorkload.Infra.Tests;

/// <summary>Stack config keys, as `pulumi config set` writes them and the language host passes them in PULUMI_CONFIG.</summary>
[Collection(PulumiCollection.Name)]
public sealed class StackSettingsTests
{
    [Fact]
    public async Task Defaults_come_from_the_stack_name_and_the_provider_location()
    {
        var settings = await LoadAsync("""{ "azure-native:location": "northeurope", "aiworkload:databasePassword": "Pa55;word=x" }""");

        Assert.Equal("northeurope", settings.Location);
        Assert.Equal($"rg-aiworkload-{Deployments.Stack}", settings.ResourceGroupName);
        Assert.Equal($"aiworkload-{Deployments.Stack}-bus", settings.NamespaceName);
        Assert.Equal(StackSettings.Standard, settings.Sku);
        Assert.Null(settings.Capacity);
        Assert.Null(settings.MessagingPartitions);
        Assert.False(settings.DisableLocalAuth);
        Assert.Empty(settings.PrincipalIds);
        var database = Assert.IsType<DatabaseSettings>(settings.Database);
        Assert.Equal($"aiworkload-{Deployments.Stack}-db", database.ServerName);
        Assert.Equal("aiworkload", database.AdministratorLogin);
        Assert.Equal("Standard_B1ms", database.SkuName);
        Assert.Equal(DatabaseSettings.Burstable, database.SkuTier);
        Assert.True(await Output.IsSecretAsync(database.AdministratorPassword));
        Assert.Equal("Pa55;word=x", await database.AdministratorPassword.GetValueAsync());
        var artifacts = Assert.IsType<ArtifactSettings>(settings.Artifacts);
        Assert.Equal($"aiworkload{Deployments.Stack}art", artifacts.AccountName);
        Assert.Equal("Standard_LRS", artifacts.SkuName);
    }

    [Fact]
    public async Task Every_key_is_read()
    {
        var settings = await LoadAsync("""
            {
              "azure-native:location": "westeurope",
              "aiworkload:sku": "premium",
              "aiworkload:capacity": "4",
              "aiworkload:messagingPartitions": "2",
              "aiworkload:disableLocalAuth": "true",
              "aiworkload:namespaceName": "contoso-ai-bus",
              "aiworkload:resourceGroupName": "rg-contoso",
              "aiworkload:principalIds": "[\"aaaaaaaa-0000-0000-0000-000000000001\"]",
              "aiworkload:database": "true",
              "aiworkload:databasePassword": "Pa55;word=x",
              "aiworkload:databaseServerName": "contoso-ai-db",
              "aiworkload:databaseAdministratorLogin": "contoso_admin",
              "aiworkload:databaseSkuTier": "generalpurpose",
              "aiworkload:databaseSkuName": "Standard_D2ds_v5",
              "aiworkload:artifacts": "true",
              "aiworkload:artifactsAccountName": "contosoaimodels",
              "aiworkload:artifactsSkuName": "standard_zrs"
            }
            """);

        Assert.Equal(StackSettings.Premium, settings.Sku);
        Assert.Equal(4, settings.Capacity);
        Assert.Equal(2, settings.MessagingPartitions);
        Assert.True(settings.DisableLocalAuth);
        Assert.Equal("contoso-ai-bus", settings.NamespaceName);
        Assert.Equal("rg-contoso", settings.ResourceGroupName);
        string[] principals = ["aaaaaaaa-0000-0000-0000-000000000001"];
        Assert.Equal(principals, settings.PrincipalIds);
        var database = Assert.IsType<DatabaseSettings>(settings.Database);
        Assert.Equal("contoso-ai-db", database.ServerName);
        Assert.Equal("contoso_admin", database.AdministratorLogin);
        Assert.Equal(DatabaseSettings.GeneralPurpose, database.SkuTier);
        Assert.Equal("Standard_D2ds_v5", database.SkuName);
        var artifacts = Assert.IsType<ArtifactSettings>(settings.Artifacts);
        Assert.Equal("contosoaimodels", artifacts.AccountName);
        Assert.Equal("Standard_ZRS", artifacts.SkuName);
    }

    [Fact]
    public async Task Database_false_needs_no_password_and_gives_no_database()
    {
        var settings = await LoadAsync("""{ "azure-native:location": "westeurope", "aiworkload:database": "false" }""");

        Assert.Null(settings.Database);
    }

    [Fact]
    public async Task Artifacts_false_gives_no_artifact_store()
    {
        var settings = await LoadAsync("""{ "azure-native:location": "westeurope", "aiworkload:database": "false", "aiworkload:artifacts": "false" }""");

        Assert.Null(settings.Artifacts);
    }

    [Fact]
    public async Task An_account_name_too_short_is_refused_when_loading_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LoadAsync(
            """{ "azure-native:location": "westeurope", "aiworkload:database": "false", "aiworkload:artifactsAccountName": "x" }"""));

        Assert.Contains("aiworkload:artifactsAccountName is 'x'; a storage account name must be 3-24 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_password_is_refused_with_the_command_that_sets_it()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LoadAsync("""{ "azure-native:location": "westeurope" }"""));

        Assert.Contains(
            "aiworkload:databasePassword is not set. Set it with `pulumi config set --secret aiworkload:databasePassword <password>`",
            error.ToString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aiworkload-Test-DB", "aiworkload", "Burstable", "Standard_B1ms", "aiworkload:databaseServerName")]
    [InlineData("-aiworkload-db", "aiworkload", "Burstable", "Standard_B1ms", "aiworkload:databaseServerName")]
    [InlineData("aiworkload-test-db", "admin", "Burstable", "Standard_B1ms", "aiworkload:databaseAdministratorLogin")]
    [InlineData("aiworkload-test-db", "pg_owner", "Burstable", "Standard_B1ms", "aiworkload:databaseAdministratorLogin")]
    [InlineData("aiworkload-test-db", "1admin", "Burstable", "Standard_B1ms", "aiworkload:databaseAdministratorLogin")]
    [InlineData("aiworkload-test-db", "aiworkload", "Basic", "Standard_B1ms", "aiworkload:databaseSkuTier")]
    [InlineData("aiworkload-test-db", "aiworkload", "Burstable", "Standard_D2ds_v5", "aiworkload:databaseSkuName")]
    [InlineData("aiworkload-test-db", "aiworkload", "GeneralPurpose", "Standard_B1ms", "aiworkload:databaseSkuName")]
    public void Database_settings_azure_refuses_are_refused_naming_the_key(string serverName, string login, string tier, string sku, string key)
    {
        var database = Deployments.Database() with { ServerName = serverName, AdministratorLogin = login, SkuTier = tier, SkuName = sku };

        var error = Assert.Throws<InvalidOperationException>(() => (Deployments.Settings() with { Database = database }).Validate());
        Assert.StartsWith(key + " is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_location_is_required()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => LoadAsync("{}"));
    }

    [Theory]
    [InlineData("Basic", null, null)]
    [InlineData("Standard", 2, null)]
    [InlineData("Premium", 0, null)]
    [InlineData("Standard", null, 2)]
    [InlineData("Premium", 4, 3)]
    public void Combinations_azure_refuses_are_refused(string sku, int? capacity, int? partitions)
    {
        var settings = Deployments.Settings() with { Sku = sku, Capacity = capacity, MessagingPartitions = partitions };

        var error = Assert.Throws<InvalidOperationException>(() => settings.Validate());
        Assert.StartsWith("aiworkload:", error.Message, StringComparison.Ordinal);
    }

    private static async Task<StackSettings> LoadAsync(string config)
    {
        var previous = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", config);
        try
        {
            StackSettings? loaded = null;
            await Deployment.TestAsync(new ServiceBusMocks(), Deployments.Options(), () =>
            {
                loaded = StackSettings.Load();
                return new Dictionary<string, object?>();
            });
            return loaded ?? throw new InvalidOperationException("The program did not run.");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", previous);
        }
    }
}
