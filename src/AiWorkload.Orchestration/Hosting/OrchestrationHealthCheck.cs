using AiWorkload.Orchestration.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Orchestration.Hosting;

/// <summary>Healthy when the run store answers and the outbox drains; degraded when messages wait unsent for over a minute.</summary>
internal sealed class OrchestrationHealthCheck(IRunStore store, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var backlog = await store.GetOutboxBacklogAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["unsentMessages"] = backlog.Count };
            if (backlog.OldestCreatedAt is { } oldest && time.GetUtcNow() - oldest > Stale)
            {
                return HealthCheckResult.Degraded($"{backlog.Count} outbox messages unsent since {oldest:O}; is the bus reachable?", data: data);
            }

            return HealthCheckResult.Healthy($"{backlog.Count} outbox messages pending", data);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The run store is not reachable.", error);
        }
    }
}
