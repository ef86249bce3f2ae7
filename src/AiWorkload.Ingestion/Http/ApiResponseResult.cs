using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Http;

/// <summary>Writes an <see cref="ApiResponse"/>; a replay carries <c>Idempotent-Replayed: true</c> so clients can tell.</summary>
internal sealed class ApiResponseResult(ApiResponse response, bool replayed) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public int? StatusCode => response.StatusCode;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = response.StatusCode;
        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }

        if (replayed)
        {
            http.Headers[ReplayedHeader] = "true";
        }

        http.ContentType = ContentType;
        await http.WriteAsync(response.Body, httpContext.RequestAborted);
    }
}
