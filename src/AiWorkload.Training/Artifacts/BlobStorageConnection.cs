namespace AiWorkload.Training.Artifacts;

/// <summary>
/// The parts of an Azure Storage connection string the blob store needs: the blob endpoint and either a shared key
/// (AccountName + AccountKey) or a shared access signature. Azurite and custom domains give BlobEndpoint explicitly.
/// </summary>
public sealed record BlobStorageConnection(Uri BlobEndpoint, string? AccountName, byte[]? AccountKey, string? SharedAccessSignature)
{
    public static BlobStorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"The storage connection string has a part without a name: '{Redact(part)}'.");
            }

            parts[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        var account = parts.GetValueOrDefault("AccountName");
        var sas = parts.GetValueOrDefault("SharedAccessSignature")?.TrimStart('?');
        byte[]? key = null;
        if (parts.TryGetValue("AccountKey", out var encodedKey))
        {
            try
            {
                key = Convert.FromBase64String(encodedKey);
            }
            catch (FormatException)
            {
                throw new FormatException("The storage connection string's AccountKey is not base64.");
            }
        }

        if ((key is null || account is null) && sas is null)
        {
            throw new FormatException("The storage connection string needs AccountName and AccountKey, or a SharedAccessSignature.");
        }

        Uri endpoint;
        if (parts.TryGetValue("BlobEndpoint", out var explicitEndpoint))
        {
            endpoint = new Uri(explicitEndpoint.TrimEnd('/') + "/", UriKind.Absolute);
        }
        else if (account is not null)
        {
            var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
            var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
            endpoint = new Uri($"{protocol}://{account}.blob.{suffix}/", UriKind.Absolute);
        }
        else
        {
            throw new FormatException("The storage connection string needs a BlobEndpoint or an AccountName.");
        }

        return new BlobStorageConnection(endpoint, account, key, sas);
    }

    public bool UsesSharedKey => AccountName is not null && AccountKey is not null;

    // Never echo a secret back in an exception message.
    private static string Redact(string part) => part.Length <= 12 ? part : part[..12] + "...";
}
