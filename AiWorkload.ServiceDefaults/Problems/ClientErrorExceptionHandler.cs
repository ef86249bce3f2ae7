using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace AiWorkload.ServiceDefaults.Problems;

/// <summary>
/// Turns what escapes an endpoint into a problem: a request the framework could not bind or read (BadHttpRequestException,
/// malformed JSON or text) is the client's error with its own status and reason; anything else is a 500 that says nothing
/// about the server's internals and is logged in full.
/// </summary>
internal sealed class ClientErrorExceptionHandler(IProblemDetailsService problems, ILogger<ClientErrorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is InvalidOperationException { InnerException: ArgumentException } && UnknownCharset(httpContext.Request) is { } charset
            ? ProblemFactory.Client(StatusCodes.Status415UnsupportedMediaType, $"The charset '{charset}' of the Content-Type is not a known encoding; send UTF-8.", "Content-Type")
            : Describe(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogDebug("Client error on {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException bad => ProblemFactory.Client(bad.StatusCode, bad.Message, FieldOf(bad)),
        JsonException json => ProblemFactory.Client(StatusCodes.Status400BadRequest, $"The JSON body is not valid: {json.Message}", "body"),
        DecoderFallbackException => ProblemFactory.Client(StatusCodes.Status400BadRequest, "The body is not valid UTF-8 text.", "body"),
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The server failed to process the request; it has been logged.",
        },
    };

    /// <summary>
    /// The framework's JSON reader throws a plain InvalidOperationException for a charset it cannot decode; the request
    /// itself shows whether that was the cause, so no message text is matched.
    /// </summary>
    private static string? UnknownCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || media.Charset is not { Length: > 0 } charset)
        {
            return null;
        }

        try
        {
            _ = Encoding.GetEncoding(charset.Value!.Trim('"'));
            return null;
        }
        catch (ArgumentException)
        {
            return charset.Value;
        }
    }

    /// <summary>Binding failures quote the parameter ("Failed to bind parameter \"int page\" ..."); name it for the client.</summary>
    private static string FieldOf(BadHttpRequestException bad)
    {
        var message = bad.Message;
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end <= start)
        {
            return bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Content-Type" : "request";
        }

        var parameter = message[(start + 1)..end];
        var space = parameter.LastIndexOf(' ');
        return space < 0 ? parameter : parameter[(space + 1)..];
    }
}
