using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiWorkload.Training.Artifacts;

/// <summary>
/// Signs each request with the account key as the Blob service's Shared Key scheme specifies: HMAC-SHA256 over the
/// verb, the standard headers, the canonicalized <c>x-ms-*</c> headers and the canonicalized resource
/// (<c>/account/path</c> plus sorted query parameters). Works against Azure and Azurite alike.
/// </summary>
internal sealed class SharedKeyAuthenticationHandler(string accountName, byte[] accountKey, TimeProvider time) : DelegatingHandler
{
    public const string ApiVersion = "2021-12-02";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("x-ms-date");
        request.Headers.Add("x-ms-date", time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        if (!request.Headers.Contains("x-ms-version"))
        {
            request.Headers.Add("x-ms-version", ApiVersion);
        }

        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(StringToSign(request))));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {accountName}:{signature}");
        return base.SendAsync(request, cancellationToken);
    }

    internal string StringToSign(HttpRequestMessage request)
    {
        var content = request.Content?.Headers;
        var length = content?.ContentLength is { } n && n > 0 ? n.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var builder = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Join(content?.ContentEncoding)).Append('\n')
            .Append(Join(content?.ContentLanguage)).Append('\n')
            .Append(length).Append('\n')
            .Append(content?.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : string.Empty).Append('\n')
            .Append(content?.ContentType?.ToString() ?? string.Empty).Append('\n')
            .Append('\n') // Date: x-ms-date is used instead
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');

        foreach (var header in request.Headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(',', h.Value.Select(v => v.Trim()))))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.RequestUri!;
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var parameter in QueryParameters(uri).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(parameter.Key).Append(':').Append(string.Join(',', parameter.Value.Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static string Join(ICollection<string>? values) => values is null ? string.Empty : string.Join(',', values);

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : string.Empty;

    private static Dictionary<string, List<string>> QueryParameters(Uri uri)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }
}
