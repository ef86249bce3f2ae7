using Microsoft.Net.Http.Headers;

namespace AiWorkload.Ingestion.Http;

/// <summary>Which format a request body is in, from its Content-Type; bodies are UTF-8 (or its ASCII subset) only.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string Csv = "text/csv";

    public static BodyFormat Classify(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return BodyFormat.None;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return BodyFormat.Unsupported;
        }

        var charset = parsed.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return BodyFormat.Unsupported;
        }

        var media = parsed.MediaType.Value ?? string.Empty;
        if (media.Equals(Json, StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyFormat.Json;
        }

        return media.Equals(Csv, StringComparison.OrdinalIgnoreCase) || media.Equals("application/csv", StringComparison.OrdinalIgnoreCase)
            ? BodyFormat.Csv
            : BodyFormat.Unsupported;
    }
}
