// Targets Pulumi.AzureNative 3.28.0 (Storage.StorageAccount/StorageAccountArgs, Storage.Inputs.SkuArgs, Storage.BlobContainer/
// BlobContainerArgs, Storage.PublicAccess, Storage.ListStorageAccountKeys/ListStorageAccountKeysInvokeArgs; REST API
// 2024-01-01, "azure-native:storage:StorageAccount") and Pulumi 3.114.2 (Output.All, Output.CreateSecret,
// InputUnion<string, TEnum>); see Directory.Packages.props.
using Pulumi;
using Storage = Pulumi.AzureNative.Storage;
using StorageInputs = Pulumi.AzureNative.Storage.Inputs;

namespace AiWorkload.Infra;

/// <summary>
/// The retraining service's model-artifact store: a StorageV2 account and its private <c>models</c> container, in the
/// stack's resource group. Composition only: every setting comes from <see cref="ArtifactSettings"/>.
/// </summary>
public static class ArtifactStorageStack
{
    /// <summary>General-purpose v2, the account kind Azure recommends for blobs. Sent as a string (the input is a string/enum union).</summary>
    public const string AccountKind = "StorageV2";

    /// <summary>The storage API's spelling of TLS 1.2 (Service Bus takes "1.2"; storage takes "TLS1_2").</summary>
    public const string MinimumTlsVersion = "TLS1_2";

    /// <summary>Creates the account and container, and returns their outputs.</summary>
    public static IDictionary<string, object?> Build(
        ArtifactSettings settings, Output<string> resourceGroupName, string location, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(resourceGroupName);
        ArgumentNullException.ThrowIfNull(tags);
        settings.Validate();

        var account = new Storage.StorageAccount("artifacts-account", new Storage.StorageAccountArgs
        {
            ResourceGroupName = resourceGroupName,
            AccountName = settings.AccountName,
            Location = location,
            Kind = AccountKind,
            Sku = new StorageInputs.SkuArgs { Name = settings.SkuName },
            EnableHttpsTrafficOnly = true,
            MinimumTlsVersion = MinimumTlsVersion,
            AllowBlobPublicAccess = false,
            // The exported connection string authenticates with the account key; set explicitly so that a default
            // changing to "off" cannot break the service without a diff.
            AllowSharedKeyAccess = true,
            Tags = new Dictionary<string, string>(tags),
        });

        // The service creates the container when it is missing; creating it here keeps it private whatever creates it.
        _ = new Storage.BlobContainer("artifacts-models-container", new Storage.BlobContainerArgs
        {
            ResourceGroupName = resourceGroupName,
            AccountName = account.Name,
            ContainerName = ArtifactSettings.ContainerName,
            PublicAccess = Storage.PublicAccess.None,
        });

        // Through account.Name, so the keys are listed once the account exists.
        var keys = Storage.ListStorageAccountKeys.Invoke(new Storage.ListStorageAccountKeysInvokeArgs
        {
            ResourceGroupName = resourceGroupName,
            AccountName = account.Name,
        });
        var firstKey = keys.Apply(result => result.Keys.IsDefaultOrEmpty
            ? throw new InvalidOperationException($"Azure listed no keys for storage account {settings.AccountName}.")
            : result.Keys[0].Value);
        var connectionString = Output.All(account.Name, firstKey).Apply(values =>
            StorageConnectionString.Build(values[0], values[1]));

        return new Dictionary<string, object?>
        {
            ["artifactsAccountName"] = account.Name,
            ["artifactsBlobEndpoint"] = account.PrimaryEndpoints.Apply(endpoints => endpoints.Blob),
            // Marked here rather than trusting the invoke's result to be secret: the key must never reach state in clear.
            ["artifactsConnectionString"] = Output.CreateSecret(connectionString),
        };
    }
}
