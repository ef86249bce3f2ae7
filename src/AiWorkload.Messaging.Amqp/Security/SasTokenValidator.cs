using System.Security.Cryptography;
using System.Text;

namespace AiWorkload.Messaging.Amqp.Security;

/// <summary>
/// Checks Service Bus shared access signatures
/// (<c>SharedAccessSignature sr=&lt;resource&gt;&amp;sig=&lt;HMAC-SHA256&gt;&amp;se=&lt;expiry&gt;&amp;skn=&lt;key name&gt;</c>)
/// against the configured keys, so a wrong key, a forged signature or an expired token is refused as on the service.
/// </summary>
public sealed class SasTokenValidator(IReadOnlyList<SharedAccessKey> keys, TimeProvider time)
{
    private const string Prefix = "SharedAccessSignature ";

    internal AccessGrant Validate(string token, string audience)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new TokenValidationException("Only shared access signatures are accepted (the token does not start with 'SharedAccessSignature').");
        }

        var fields = ParseFields(token[Prefix.Length..]);
        var resource = Required(fields, "sr");
        var signature = Required(fields, "sig");
        var expiry = Required(fields, "se");
        var keyName = Required(fields, "skn");

        var key = keys.FirstOrDefault(k => string.Equals(k.Name, keyName, StringComparison.Ordinal))
            ?? throw new TokenValidationException($"The key '{keyName}' does not exist on this namespace.");
        if (!long.TryParse(expiry, out var expirySeconds))
        {
            throw new TokenValidationException("The token's expiry 'se' is not a number of seconds.");
        }

        var expected = Sign(key.Key, Uri.EscapeDataString(Uri.UnescapeDataString(resource)), expiry);
        var provided = TryFromBase64(Uri.UnescapeDataString(signature));
        var alternative = Sign(key.Key, resource, expiry);
        if (provided is null ||
            !(CryptographicOperations.FixedTimeEquals(provided, expected) || CryptographicOperations.FixedTimeEquals(provided, alternative)))
        {
            throw new TokenValidationException($"The signature does not match key '{keyName}'.");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expirySeconds);
        if (expiresAt <= time.GetUtcNow())
        {
            throw new TokenValidationException($"The token expired at {expiresAt:O}.");
        }

        var scope = EntityScope(Uri.UnescapeDataString(resource));
        var requested = EntityScope(audience);
        if (scope.Length > 0 && !(string.Equals(requested, scope, StringComparison.OrdinalIgnoreCase) ||
                                  requested.StartsWith(scope + "/", StringComparison.OrdinalIgnoreCase)))
        {
            throw new TokenValidationException($"The token is for '{scope}', which does not cover '{requested}'.");
        }

        return new AccessGrant(scope, key.Rights, expiresAt);
    }

    /// <summary>The entity path part of an audience or resource URI: its host names this namespace whatever it is called.</summary>
    internal static string EntityScope(string resource)
    {
        var path = Uri.TryCreate(resource, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? uri.AbsolutePath
            : resource;
        path = Uri.UnescapeDataString(path).Trim('/');

        // A token for an entity's $management node is a token for that entity.
        return path.EndsWith("/$management", StringComparison.OrdinalIgnoreCase) ? path[..^"/$management".Length] : path;
    }

    private static byte[] Sign(string key, string encodedResource, string expiry) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encodedResource + "\n" + expiry));

    private static byte[]? TryFromBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }

    private static Dictionary<string, string> ParseFields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                fields[part[..separator]] = part[(separator + 1)..];
            }
        }

        return fields;
    }

    private static string Required(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new TokenValidationException($"The token has no '{name}' field.");
}
