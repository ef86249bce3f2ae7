using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.ServiceDefaults.Security;

/// <summary>
/// Reads <c>Authentication:ApiKeys</c>. A key is given in clear (<c>Key</c>, for development and secret stores) or as the hex
/// SHA-256 of the key (<c>KeySha256</c>), so configuration files need not hold the secret. Scopes are a list or one string
/// such as <c>"read write"</c>.
/// </summary>
internal static class ApiKeyConfigurationReader
{
    private static readonly char[] ScopeSeparators = [' ', ',', ';'];

    public static void Read(IConfiguration configuration, ApiKeyOptions options)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetSection(ApiKeyDefaults.ConfigurationSection).GetChildren())
        {
            var path = $"{ApiKeyDefaults.ConfigurationSection}:{section.Key}";
            var name = section["Name"];
            if (string.IsNullOrWhiteSpace(name))
            {
                options.Errors.Add($"{path}:Name is required: logs and rate limits identify a caller by it.");
                continue;
            }

            if (!names.Add(name))
            {
                options.Errors.Add($"{path}:Name '{name}' is used by another key.");
                continue;
            }

            var hash = ReadHash(section, path, options.Errors);
            var scopes = ReadScopes(section, path, options.Errors);
            if (hash is not null && scopes is not null)
            {
                options.Keys.Add(new ApiKeyCredential(name, hash, scopes));
            }
        }
    }

    private static byte[]? ReadHash(IConfigurationSection section, string path, List<string> errors)
    {
        var clear = section["Key"];
        var hex = section["KeySha256"];
        if (string.IsNullOrEmpty(clear) == string.IsNullOrEmpty(hex))
        {
            errors.Add($"{path} needs exactly one of Key or KeySha256.");
            return null;
        }

        if (!string.IsNullOrEmpty(clear))
        {
            if (clear.Length < 16)
            {
                errors.Add($"{path}:Key is shorter than 16 characters; use a long random key.");
                return null;
            }

            return SHA256.HashData(Encoding.UTF8.GetBytes(clear));
        }

        try
        {
            var hash = Convert.FromHexString(hex!.Trim());
            if (hash.Length == SHA256.HashSizeInBytes)
            {
                return hash;
            }
        }
        catch (FormatException)
        {
            // Reported below with the expected shape.
        }

        errors.Add($"{path}:KeySha256 must be 64 hexadecimal characters (the SHA-256 of the key's UTF-8 bytes).");
        return null;
    }

    private static HashSet<string>? ReadScopes(IConfigurationSection section, string path, List<string> errors)
    {
        var scopesSection = section.GetSection("Scopes");
        var values = scopesSection.GetChildren().Select(child => child.Value ?? string.Empty).ToList();
        if (values.Count == 0 && scopesSection.Value is { } single)
        {
            values.AddRange(single.Split(ScopeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values.Select(v => v.Trim().ToLower(CultureInfo.InvariantCulture)))
        {
            if (value is not (ApiKeyDefaults.ReadScope or ApiKeyDefaults.WriteScope))
            {
                errors.Add($"{path}:Scopes has '{value}'; the scopes are '{ApiKeyDefaults.ReadScope}' and '{ApiKeyDefaults.WriteScope}'.");
                return null;
            }

            scopes.Add(value);
        }

        if (scopes.Count == 0)
        {
            errors.Add($"{path}:Scopes is empty; give '{ApiKeyDefaults.ReadScope}', '{ApiKeyDefaults.WriteScope}' or both.");
            return null;
        }

        return scopes;
    }
}
