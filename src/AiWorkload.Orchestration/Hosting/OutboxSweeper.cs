using AiWorkload.Orchestration.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Orchestration.Hosting;

/// <summary>
/// Forgets dedupe keys and sent outbox entries older than the retention. Sending what was committed but not sent is the
/// messaging outbox dispatcher's sweep (AddOutboxDispatcher).
/// </summary>
internal sealed class OutboxSweeper(IRunStore store, IOptions<OrchestrationOptions> options, TimeProvider time, ILogger<OutboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now - lastPurge > TimeSpan.FromHours(1))
            {
                lastPurge = now;
                var purged = await store.PurgeAsync(now - options.Value.Retention, stoppingToken);
                logger.LogDebug("Purged {Count} processed keys and sent outbox entries", purged);
            }

            try
            {
                await Task.Delay(options.Value.OutboxSweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
