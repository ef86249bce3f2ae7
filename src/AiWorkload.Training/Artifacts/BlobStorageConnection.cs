using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace AiWorkload.Training.Artifacts;

/// <summary>
/// Turns the artifacts setting into the SDK's container client. It takes the three forms an Azure user has: a connection
/// string (account key, SAS, or <c>UseDevelopmentStorage=true</c> for Azurite), an account or container URL that
/// authenticates with a token credential (DefaultAzureCredential unless one is given: managed identity in Azure), and a
/// SAS URL, an account or container URL whose query carries the signature.
/// </summary>
public static class BlobStorageConnection
{
    /// <summary>Where the setting comes from, named in every error so an operator knows what to fix.</summary>
    public const string SettingName = "ConnectionStrings:artifacts (or Training:Artifacts:BlobConnectionString)";

    /// <summary>
    /// A container client for <paramref name="container"/>, or for the container a URL names itself (a container SAS
    /// grants that container only). Makes no request: a wrong key or an unreachable account shows on first use.
    /// </summary>
    public static BlobContainerClient CreateContainerClient(string? setting, string container, TokenCredential? credential = null, BlobClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        if (string.IsNullOrWhiteSpace(setting))
        {
            throw Invalid("is empty");
        }

        setting = setting.Trim();
        return Uri.TryCreate(setting, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? FromUrl(url, container, credential, options)
            : FromConnectionString(setting, container, options);
    }

    private static BlobContainerClient FromConnectionString(string connectionString, string container, BlobClientOptions? options)
    {
        try
        {
            return new BlobServiceClient(connectionString, options).GetBlobContainerClient(container);
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message names the missing part; the setting itself may hold a key, so it is not echoed.
            throw Invalid($"is not a usable Azure Storage connection string: {error.Message}", error);
        }
    }

    private static BlobContainerClient FromUrl(Uri url, string container, TokenCredential? credential, BlobClientOptions? options)
    {
        var parts = new BlobUriBuilder(url);
        if (!string.IsNullOrEmpty(parts.BlobName))
        {
            throw Invalid("names a blob; give the account URL (https://<account>.blob.core.windows.net) or a container URL");
        }

        var namesContainer = !string.IsNullOrEmpty(parts.BlobContainerName);
        if (!string.IsNullOrEmpty(parts.Sas?.Signature))
        {
            // The signature in the query is the credential; the SDK sends it with every request.
            return namesContainer ? new BlobContainerClient(url, options) : new BlobServiceClient(url, options).GetBlobContainerClient(container);
        }

        if (!string.IsNullOrEmpty(url.Query))
        {
            throw Invalid("is a URL with a query but no SAS signature (sig=)");
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            // The SDK refuses bearer tokens over plain HTTP; say so in terms of the setting.
            throw Invalid("is an http URL without a SAS; a URL that authenticates with Microsoft Entra ID must be https");
        }

        credential ??= new DefaultAzureCredential();
        return namesContainer ? new BlobContainerClient(url, credential, options) : new BlobServiceClient(url, credential, options).GetBlobContainerClient(container);
    }

    private static FormatException Invalid(string problem, Exception? inner = null) => new(
        $"{SettingName} {problem}. It takes an Azure Storage connection string (UseDevelopmentStorage=true for Azurite), " +
        "an account URL (https://<account>.blob.core.windows.net, signed in with DefaultAzureCredential), or a SAS URL.",
        inner);
}
