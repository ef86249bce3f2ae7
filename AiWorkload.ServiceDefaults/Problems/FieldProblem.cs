using Microsoft.AspNetCore.Http;

namespace AiWorkload.ServiceDefaults.Problems;

/// <summary>
/// A client error as every AiWorkload API answers it: an RFC 7807 validation problem whose <c>errors</c> name the field at
/// fault (a JSON path, a CSV line and column, a header, a query or route value), so a client can point at what to fix.
/// </summary>
public static class FieldProblem
{
    public const string DefaultTitle = "The request is not valid.";

    public static IResult Result(
        string field,
        string message,
        int status = StatusCodes.Status400BadRequest,
        string? title = null,
        IDictionary<string, object?>? extensions = null) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: status, title: title ?? DefaultTitle, extensions: extensions);
}
