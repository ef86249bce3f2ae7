// Targets no package API: plain string building, used by ArtifactStorageStack (Pulumi.AzureNative 3.28.0); see
// Directory.Packages.props.
namespace AiWorkload.Infra;

/// <summary>
/// An Azure Storage shared-key connection string, in the form the Azure SDKs accept (the retraining service hands it
/// to Azure.Storage.Blobs): <c>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=…</c>.
/// </summary>
public static class StorageConnectionString
{
    /// <summary>Azure's public cloud, where the blob endpoint is <c>https://&lt;account&gt;.blob.core.windows.net/</c>.</summary>
    public const string EndpointSuffix = "core.windows.net";

    /// <summary>
    /// Builds the string. Nothing needs quoting: account names are lowercase letters and digits, and keys are base64,
    /// whose <c>=</c> padding the parsers take as part of the value (they split each part at its first <c>=</c>).
    /// </summary>
    public static string Build(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        if (accountName.Contains(';', StringComparison.Ordinal) || accountKey.Contains(';', StringComparison.Ordinal))
        {
            // Never echo the key: the message can reach a log.
            throw new ArgumentException("A storage account name or key holds ';', which a connection string cannot carry.");
        }

        return $"DefaultEndpointsProtocol=https;AccountName={accountName};AccountKey={accountKey};EndpointSuffix={EndpointSuffix}";
    }
}
