using Microsoft.Extensions.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class ApiKeyApplicationExtensions
{
    private const string Applied = "AiWorkload.ApiKeyAuthentication.Applied";

    /// <summary>
    /// Authentication, then rate limiting, then authorization: the limiter sees the key's name (so it counts per key) and
    /// runs before authorization (so refused and key-guessing requests are limited too). Every service's Map call may call
    /// it; the middleware is added once, since a second limiter would count each request twice.
    /// </summary>
    public static WebApplication UseApiKeyAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseProblemDefaults();
        var properties = ((IApplicationBuilder)app).Properties;
        if (properties.ContainsKey(Applied))
        {
            return app;
        }

        properties[Applied] = true;
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
