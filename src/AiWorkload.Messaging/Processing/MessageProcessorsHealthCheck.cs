using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Messaging.Processing;

/// <summary>
/// Healthy while every processor is receiving. AddMessaging registers it as the health check named "messaging".
/// </summary>
public sealed class MessageProcessorsHealthCheck : IHealthCheck
{
    private readonly MessageProcessorService processors;

    internal MessageProcessorsHealthCheck(MessageProcessorService processors) => this.processors = processors;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!processors.IsStarted)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Message processors have not started."));
        }

        var stopped = processors.Processors.Where(p => !p.IsProcessing).Select(p => p.Source.EntityPath).ToList();
        return Task.FromResult(stopped.Count == 0
            ? HealthCheckResult.Healthy($"{processors.Processors.Count} message processors are running.")
            : HealthCheckResult.Unhealthy($"Not processing: {string.Join(", ", stopped)}."));
    }
}
