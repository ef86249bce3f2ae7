using AiWorkload.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Http;

/// <summary>
/// Every client error is an RFC 7807 validation problem whose <c>errors</c> name the offending field (a JSON path, a CSV
/// line and column, a header or a route value), so a client can point at what to fix.
/// </summary>
internal static class Problems
{
    public const string BodyField = "body";
    public const string ContentTypeField = "Content-Type";

    public static IResult Validation(IDictionary<string, string[]> errors, string title = FieldProblem.DefaultTitle, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(errors, statusCode: status, title: title);

    public static IResult Field(string field, string message, int status = StatusCodes.Status400BadRequest, string? title = null) =>
        FieldProblem.Result(field, message, status, title);

    public static IResult NotFound(string field, string message) =>
        Field(field, message, StatusCodes.Status404NotFound, "Not found.");

    public static IResult Conflict(string field, string message) =>
        Field(field, message, StatusCodes.Status409Conflict, "The request conflicts with what is stored.");

    public static IResult UnsupportedMediaType(string? actual, string expected) =>
        Field(ContentTypeField, $"'{actual ?? "(none)"}' is not accepted here; send {expected}.", StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.");

    public static IResult TooLarge(long limit) =>
        Field(BodyField, $"The body is larger than {limit} bytes; split the upload into smaller batches.", StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
}
