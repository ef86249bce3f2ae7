using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AiWorkload.Messaging.Outbox;

/// <summary>Degraded while an outbox entry has waited too long: the service still accepts work, but its messages are not leaving.</summary>
internal sealed class OutboxHealthCheck<TStore>(TStore store, IOptionsMonitor<OutboxOptions> options, TimeProvider time) : IHealthCheck
    where TStore : IOutboxStore
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await store.GetUnpublishedAsync(1, cancellationToken);
        if (pending is not [var oldest, ..])
        {
            return HealthCheckResult.Healthy("The outbox is empty.");
        }

        var waited = time.GetUtcNow() - oldest.CreatedAt;
        return waited > options.Get(typeof(TStore).Name).StaleAfter
            ? HealthCheckResult.Degraded($"Outbox entry {oldest.Id} has waited {waited.TotalSeconds:F0} s to be published.")
            : HealthCheckResult.Healthy("The outbox is draining.");
    }
}
