using Microsoft.AspNetCore.Http;

namespace AiWorkload.Orchestration.Api;

/// <summary>Adds a Location header to another result: a 202's new run, or the active run a 409 refers to.</summary>
internal sealed class LocatedResult(string location, IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.Location = location;
        return inner.ExecuteAsync(httpContext);
    }
}
