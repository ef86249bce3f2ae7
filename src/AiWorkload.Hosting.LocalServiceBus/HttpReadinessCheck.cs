// Targets Aspire.Hosting 13.6.5: EndpointReference.IsAllocated and Url.
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Hosting.LocalServiceBus;

/// <summary>
/// GET <c>path</c> on a resource's endpoint, 2xx meaning healthy. Until the resource has answered once, one check keeps
/// probing every 100 ms for up to <see cref="StartupWindow"/>: Aspire re-runs a failing check only after 1, 2, 3… seconds,
/// so a single probe made just before a process listens would hold everything that waits for it for seconds more.
/// </summary>
internal sealed class HttpReadinessCheck(EndpointReference endpoint, string path) : IHealthCheck
{
    public static readonly TimeSpan StartupWindow = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    private bool _answered;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (_answered ? TimeSpan.Zero : StartupWindow);
        var reason = "the endpoint is not allocated yet";
        while (true)
        {
            if (endpoint.IsAllocated)
            {
                try
                {
                    using var response = await Client.GetAsync(new Uri(new Uri(endpoint.Url), path), cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        _answered = true;
                        return HealthCheckResult.Healthy();
                    }

                    reason = $"GET {path} answered {(int)response.StatusCode}";
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    reason = $"GET {path} failed: {ex.Message}";
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                return HealthCheckResult.Unhealthy(reason);
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }
}
