using Microsoft.AspNetCore.Http;

namespace AiWorkload.Orchestration.Api;

/// <summary>Client errors as validation problems whose errors name the field at fault, as the ingestion API answers them.</summary>
internal static class ApiProblems
{
    public static IResult Field(string field, string message, int status = StatusCodes.Status400BadRequest, string title = "The request is not valid.", IDictionary<string, object?>? extensions = null) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: status, title: title, extensions: extensions);
}
