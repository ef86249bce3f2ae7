using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Http;

/// <summary>
/// The <c>Idempotency-Key</c> header and the fingerprint of the request it was sent with. The key becomes a MessageId
/// (at most 128 characters on Service Bus), so it is limited to 100 visible ASCII characters.
/// </summary>
internal sealed record IdempotencyKey(string Key, string RequestHash)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 100;

    /// <summary>Reads the header; a missing header is null, or a 400 problem when <paramref name="required"/>.</summary>
    public static (string? Key, IResult? Problem) Read(HttpRequest request, bool required)
    {
        var values = request.Headers[HeaderName];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return required
                ? (null, Problems.Field(HeaderName, $"This operation needs an {HeaderName} header (for example a new GUID), so a retry cannot run it twice."))
                : (null, null);
        }

        var key = values[0]!;
        if (values.Count > 1)
        {
            return (null, Problems.Field(HeaderName, $"Send one {HeaderName} header, not {values.Count}."));
        }

        if (key.Length > MaxLength || key.Any(c => c is < '!' or > '~'))
        {
            return (null, Problems.Field(HeaderName, $"The key must be 1 to {MaxLength} visible ASCII characters without spaces."));
        }

        return (key, null);
    }

    /// <summary>Binds a key to what was asked (method, path, media type and body): the same key for another request is refused.</summary>
    public static IdempotencyKey For(string key, HttpRequest request, RequestBody? body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{body?.Format}\n"));
        if (body is not null)
        {
            hash.AppendData(body.Bytes);
        }

        return new IdempotencyKey(key, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
