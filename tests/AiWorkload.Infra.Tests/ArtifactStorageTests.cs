// Targets Pulumi 3.114.2 (Pulumi.Testing, Output.IsSecretAsync, PULUMI_CONFIG) and Pulumi.AzureNative 3.28.0 resource and
// invoke tokens (storage StorageAccount, BlobContainer, listStorageAccountKeys); see Directory.Packages.props.
using AiWorkload.Messaging.Topology;
using Pulumi;

namespace AiWorkload.Infra.Tests;

/// <summary>The model-artifact store: account, container, the secret connection string, the switch and the name rule.</summary>
[Collection(PulumiCollection.Name)]
public sealed class ArtifactStorageTests
{
    private const string Account = "aiworkloadtestart";

    [Fact]
    public async Task The_account_is_a_standard_lrs_storagev2_with_https_only_tls_1_2_and_no_public_blobs()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Artifacts = Deployments.Artifacts() });

        var account = deployed.Mocks.Named(ServiceBusMocks.StorageAccountType, Account);
        Assert.Equal("rg-aiworkload-test", account.Get("resourceGroupName"));
        Assert.Equal("westeurope", account.Get("location"));
        Assert.Equal("StorageV2", account.Get("kind"));
        Assert.Equal("Standard_LRS", account.Object("sku")["name"]);
        Assert.True(account.Flag("enableHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", account.Get("minimumTlsVersion"));
        Assert.False(account.Flag("allowBlobPublicAccess"));
        Assert.True(account.Flag("allowSharedKeyAccess"));
        Assert.Equal("aiworkload", account.Object("tags")["application"]);
    }

    [Fact]
    public async Task The_configured_sku_and_name_are_used()
    {
        var artifacts = new ArtifactSettings { AccountName = "contosomodels01", SkuName = "Standard_ZRS" };

        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Artifacts = artifacts });

        var account = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.StorageAccountType));
        Assert.Equal("contosomodels01", account.Get("accountName"));
        Assert.Equal("Standard_ZRS", account.Object("sku")["name"]);
        Assert.Equal("contosomodels01", Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.BlobContainerType)).Get("accountName"));
    }

    [Fact]
    public async Task The_private_models_container_is_in_that_account()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Artifacts = Deployments.Artifacts() });

        var container = deployed.Mocks.Named(ServiceBusMocks.BlobContainerType, "models");
        Assert.Equal(Account, container.Get("accountName"));
        Assert.Equal("rg-aiworkload-test", container.Get("resourceGroupName"));
        Assert.Equal("None", container.Get("publicAccess"));
    }

    [Fact]
    public async Task The_connection_string_is_a_secret_in_the_storage_format_with_the_first_key()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings() with { Artifacts = Deployments.Artifacts() });

        var output = deployed.Output<string>("artifactsConnectionString");
        Assert.True(await Output.IsSecretAsync(output));
        var connectionString = await output.GetValueAsync();
        Assert.Equal(
            $"DefaultEndpointsProtocol=https;AccountName={Account};AccountKey={ServiceBusMocks.StorageKey1};EndpointSuffix=core.windows.net",
            connectionString);

        // Split as a storage connection string is: each part at its first '='.
        var parts = connectionString.Split(';').Select(part => part.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Account, parts["AccountName"]);
        Assert.Equal("mock-storage-key"u8.ToArray(), Convert.FromBase64String(parts["AccountKey"]));
        Assert.Equal(
            ServiceBusMocks.BlobEndpoint(Account),
            $"{parts["DefaultEndpointsProtocol"]}://{parts["AccountName"]}.blob.{parts["EndpointSuffix"]}/");

        var call = Assert.Single(deployed.Mocks.Calls, call => call.Token == ServiceBusMocks.ListStorageAccountKeysToken);
        Assert.Equal(Account, call.Args["accountName"]);
        Assert.Equal("rg-aiworkload-test", call.Args["resourceGroupName"]);

        Assert.Equal(Account, await deployed.ValueAsync<string>("artifactsAccountName"));
        Assert.Equal(ServiceBusMocks.BlobEndpoint(Account), await deployed.ValueAsync<string>("artifactsBlobEndpoint"));
        Assert.False(await Output.IsSecretAsync(deployed.Output<string>("artifactsBlobEndpoint")));
    }

    [Fact]
    public async Task Config_creates_the_store_by_default_named_after_the_stack()
    {
        var deployed = await Deployments.RunWithConfigAsync(WorkloadTopology.Model, """
            { "azure-native:location": "westeurope", "aiworkload:database": "false" }
            """);

        Assert.Equal("westeurope", deployed.Mocks.Named(ServiceBusMocks.StorageAccountType, Account).Get("location"));
        Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.BlobContainerType));
        Assert.True(await Output.IsSecretAsync(deployed.Output<string>("artifactsConnectionString")));
    }

    [Fact]
    public async Task Artifacts_false_creates_no_account_or_container_and_no_output()
    {
        var deployed = await Deployments.RunWithConfigAsync(WorkloadTopology.Model, """
            { "azure-native:location": "westeurope", "aiworkload:database": "false", "aiworkload:artifacts": "false" }
            """);

        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.StorageAccountType));
        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.BlobContainerType));
        Assert.DoesNotContain(deployed.Mocks.Calls, call => call.Token == ServiceBusMocks.ListStorageAccountKeysToken);
        Assert.False(deployed.Outputs.ContainsKey("artifactsAccountName"));
        Assert.False(deployed.Outputs.ContainsKey("artifactsBlobEndpoint"));
        Assert.False(deployed.Outputs.ContainsKey("artifactsConnectionString"));
        Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.NamespaceType));
    }

    [Fact]
    public async Task An_invalid_account_name_stops_the_program_before_anything_is_created()
    {
        var mocks = new ServiceBusMocks();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployments.RunWithConfigAsync(WorkloadTopology.Model, """
            { "azure-native:location": "westeurope", "aiworkload:database": "false", "aiworkload:artifactsAccountName": "AiWorkload-Models" }
            """, mocks));

        Assert.Empty(mocks.Resources);
        // The engine wraps the program's exception (RunException); its text carries the message.
        Assert.Contains(
            "aiworkload:artifactsAccountName is 'AiWorkload-Models'; a storage account name must be 3-24 characters, " +
            "lowercase letters and digits only, and unique across Azure. Set one with " +
            "`pulumi config set aiworkload:artifactsAccountName <name>`.",
            error.ToString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("aiworkloadartifactsstore1")]
    [InlineData("aiworkload-test-art")]
    [InlineData("AiworkloadTestArt")]
    [InlineData("aiworkload_test")]
    [InlineData("")]
    public void An_account_name_azure_refuses_gets_the_precise_error(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ArtifactSettings { AccountName = name }.Validate());

        Assert.Equal(
            $"aiworkload:artifactsAccountName is '{name}'; a storage account name must be 3-24 characters, lowercase " +
            "letters and digits only, and unique across Azure. Set one with `pulumi config set aiworkload:artifactsAccountName <name>`.",
            error.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("aiworkloadartifactsstore")]
    [InlineData("0models9")]
    public void An_account_name_azure_accepts_passes(string name)
    {
        Assert.Equal(name, new ArtifactSettings { AccountName = name }.Validate().AccountName);
    }

    [Theory]
    [InlineData("Premium_LRS")]
    [InlineData("Standard_LRS2")]
    public void A_sku_other_than_the_standard_redundancies_is_refused_naming_the_key(string sku)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ArtifactSettings { AccountName = Account, SkuName = sku }.Validate());

        Assert.StartsWith($"aiworkload:artifactsSkuName is '{sku}'; it must be one of Standard_LRS, Standard_ZRS,", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "aiworkloaddevart")]
    [InlineData("Prod-EU_2", "aiworkloadprodeu2art")]
    [InlineData("test", Account)]
    public void The_default_name_keeps_the_stack_letters_and_digits_in_lowercase(string stack, string expected)
    {
        Assert.Equal(expected, ArtifactSettings.DefaultAccountName(stack));
    }
}
