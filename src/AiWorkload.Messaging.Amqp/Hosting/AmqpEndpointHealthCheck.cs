using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiWorkload.Messaging.Amqp.Hosting;

/// <summary>Healthy once the engine is open and the AMQP listener accepts connections.</summary>
internal sealed class AmqpEndpointHealthCheck(AmqpEndpointState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsListening
            ? HealthCheckResult.Healthy($"AMQP listening, {state.ConnectionCount} connection(s).")
            : HealthCheckResult.Unhealthy("The AMQP endpoint is not listening yet."));
}
