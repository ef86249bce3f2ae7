using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Http;

/// <summary>Deserializes a JSON body with its source-generated contract; malformed JSON is a 400 naming the JSON path and line.</summary>
internal static class JsonBody
{
    /// <summary>Returns the value (null for an empty body when allowed) or the problem to answer with.</summary>
    public static (T? Value, IResult? Problem) Read<T>(RequestBody body, JsonTypeInfo<T> json, bool required)
        where T : class
    {
        if (body.IsEmpty && body.Format is BodyFormat.None or BodyFormat.Json)
        {
            return required ? (null, Problems.Field(Problems.BodyField, "A JSON body is required.")) : (null, null);
        }

        if (body.Format != BodyFormat.Json)
        {
            return (null, Problems.UnsupportedMediaType(body.ContentType, MediaTypes.Json));
        }

        try
        {
            var value = JsonSerializer.Deserialize(body.Bytes, json);
            return value is null && required ? (null, Problems.Field(Problems.BodyField, "A JSON object is required, not null.")) : (value, null);
        }
        catch (JsonException error)
        {
            return (null, Malformed(error));
        }
    }

    public static IResult Malformed(JsonException error) => Problems.Field(FieldOf(error.Path), Describe(error));

    /// <summary>"$.promotion.minimumImprovement" becomes "promotion.minimumImprovement"; the root is "body".</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? Problems.BodyField
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : path.TrimStart('$');

    /// <summary>Says what is wrong in the client's terms: no .NET type names, the line and position when the syntax is at fault.</summary>
    private static string Describe(JsonException error)
    {
        var reason = error.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        if (reason.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"'{FieldOf(error.Path)}' is not a known field of this request.";
        }

        if (reason.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            // The message names the request's .NET type, not the field's: say what the client can act on.
            return "The value has the wrong type for this field; see the OpenAPI document at /openapi/v1.json.";
        }

        var where = error.LineNumber is { } line ? $" at line {line + 1}, position {error.BytePositionInLine + 1}" : string.Empty;
        return $"The JSON is not valid{where}: {reason}";
    }
}
