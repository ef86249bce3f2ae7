using AiWorkload.Training.Artifacts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Training.Hosting;

/// <summary>Healthy while the artifact store can be reached and written: without it no job can record a version.</summary>
public sealed class RetrainingHealthCheck(IArtifactStore artifacts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await artifacts.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy($"The artifact store ({artifacts.GetType().Name}) is reachable.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The artifact store ({artifacts.GetType().Name}) is not usable: {error.Message}", error);
        }
    }
}
