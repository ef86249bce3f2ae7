using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace AiWorkload.ServiceDefaults.Problems;

/// <summary>Problems for errors no endpoint described itself, in the shape the endpoints use: errors keyed by the field at fault.</summary>
internal static class ProblemFactory
{
    public static ValidationProblemDetails Client(int status, string detail, string field) => new(new Dictionary<string, string[]> { [field] = [detail] })
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "The request is not valid.",
        Detail = detail,
    };

    /// <summary>A status the pipeline set without a body: no route (404), a method the route lacks (405), a binding failure.</summary>
    public static ProblemDetails ForStatus(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var request = context.Request;
        return status switch
        {
            StatusCodes.Status404NotFound => Client(status, $"No resource at '{request.Path}'; the OpenAPI document at /openapi/v1.json lists the API.", "path"),
            StatusCodes.Status405MethodNotAllowed => Client(status, $"'{request.Method}' is not allowed on '{request.Path}'{Allowed(context)}.", "method"),
            StatusCodes.Status415UnsupportedMediaType => Client(status, $"'{request.ContentType ?? "(none)"}' is not accepted here; send application/json.", "Content-Type"),
            < 500 => Client(status, $"The request to '{request.Path}' was refused.", "request"),
            _ => new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status) },
        };
    }

    private static string Allowed(HttpContext context) =>
        context.Response.Headers.Allow is { Count: > 0 } allow ? $"; use {allow}" : string.Empty;
}
