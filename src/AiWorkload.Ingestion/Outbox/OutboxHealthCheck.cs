using AiWorkload.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Outbox;

/// <summary>Degraded while an outbox entry has waited too long: the API still accepts data, but events are not leaving.</summary>
internal sealed class OutboxHealthCheck(IWorkloadCatalog catalog, IOptions<OutboxOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await catalog.GetPendingOutboxAsync(1, cancellationToken);
        if (pending is not [var oldest, ..])
        {
            return HealthCheckResult.Healthy("The outbox is empty.");
        }

        var waited = time.GetUtcNow() - oldest.CreatedAt;
        return waited > options.Value.StaleAfter
            ? HealthCheckResult.Degraded($"Outbox entry {oldest.EntryId} has waited {waited.TotalSeconds:F0} s to be published.")
            : HealthCheckResult.Healthy("The outbox is draining.");
    }
}
