// Targets Aspire.Hosting 13.6.5: IResourceBuilder<T>.ApplicationBuilder, GetEndpoint(name), WithHealthCheck(key).
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Hosting.LocalServiceBus;

public static class HttpReadinessCheckExtensions
{
    /// <summary>
    /// Like Aspire's <c>WithHttpHealthCheck</c>, but a resource that is starting is seen healthy within 100 ms of answering
    /// (see <see cref="HttpReadinessCheck"/>), so what waits for it starts without the health checks' back-off.
    /// </summary>
    public static IResourceBuilder<T> WithHttpReadinessCheck<T>(this IResourceBuilder<T> builder, string path, string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = builder.Resource.GetEndpoint(endpointName);
        var key = $"{builder.Resource.Name}_{endpointName}_ready";
        // One instance for the run: it remembers whether the resource has answered yet.
        var check = new HttpReadinessCheck(endpoint, path);
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, check, failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}
