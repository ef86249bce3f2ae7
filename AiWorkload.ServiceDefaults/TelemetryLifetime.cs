using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AiWorkload.ServiceDefaults;

/// <summary>Starts the OpenTelemetry SDK with the host (so the first request is traced) and flushes it on shutdown.</summary>
internal sealed class TelemetryLifetime(OpenTelemetrySdk sdk) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        sdk.TracerProvider.ForceFlush(5000);
        sdk.MeterProvider.ForceFlush(5000);
        return Task.CompletedTask;
    }
}
