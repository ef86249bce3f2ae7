using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiWorkload.ServiceDefaults.Problems;

/// <summary>
/// Writes every problem as <c>application/problem+json</c> whatever the request's Accept header says: the built-in writer
/// declines odd Accept values, and the status-code pages would then answer in plain text, which clients cannot parse.
/// </summary>
internal sealed class ProblemJsonWriter : IProblemDetailsWriter
{
    public const string MediaType = "application/problem+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        context.HttpContext.Response.ContentType = MediaType;
        // Serialised by runtime type, so ValidationProblemDetails keeps its errors and extensions stay flat.
        return new ValueTask(context.HttpContext.Response.WriteAsync(JsonSerializer.Serialize(problem, problem.GetType(), Json), context.HttpContext.RequestAborted));
    }
}
