// Targets Microsoft.Extensions.ServiceDiscovery 11.0.0 (AddServiceDiscovery) and Microsoft.Extensions.Http.Resilience 11.0.0
// (AddStandardResilienceHandler); see Directory.Packages.props.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The Aspire service-defaults template (<c>AddServiceDefaults</c> / <c>MapDefaultEndpoints</c>): OpenTelemetry, health
/// checks, service discovery and the standard resilience handler on every HttpClient; and ProblemDetails for every error.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddProblemDefaults();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> reports every check (ready to take traffic); <c>/alive</c> only the live ones (restart me if not).
    /// Both answer with a status word only, so they leak nothing when exposed; unlike the template they are mapped in
    /// every environment, since the AppHost and container platforms probe them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Every host calls this first after Build, so the problem middleware wraps everything the services map after it.
        app.UseProblemDefaults();
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
