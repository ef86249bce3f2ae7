using AiWorkload.ServiceDefaults.Problems;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Orchestration.Api;

/// <summary>Reads the optional JSON body of a manual run, answering size, media type and syntax errors as problems.</summary>
internal static class StartRunBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(StartRunRequest? Value, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        if (!IsJson(request.ContentType))
        {
            return (null, FieldProblem.Result("Content-Type", $"'{request.ContentType ?? "(none)"}' is not accepted here; send application/json.", StatusCodes.Status415UnsupportedMediaType, "Unsupported media type."));
        }

        try
        {
            return (JsonSerializer.Deserialize(buffer.ToArray(), OrchestrationApiJsonContext.Default.StartRunRequest), null);
        }
        catch (JsonException error)
        {
            return (null, FieldProblem.Result(FieldOf(error.Path), $"The JSON is not valid: {Reason(error)}"));
        }
        catch (InvalidOperationException)
        {
            // What the parser lets through and strings cannot hold: a lone surrogate escape such as \ud800.
            return (null, FieldProblem.Result("body", "A string holds a lone surrogate escape, which is not valid Unicode text."));
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim() is var media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static IResult TooLarge() =>
        FieldProblem.Result("body", $"The body is larger than {MaxBytes} bytes.", StatusCodes.Status413PayloadTooLarge, "The request body is too large.");

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The parser's reason without the .NET type names and path it appends.</summary>
    private static string Reason(JsonException error)
    {
        var message = error.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
