using AiWorkload.Orchestration.Outbox;
using AiWorkload.Orchestration.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Orchestration.Hosting;

/// <summary>
/// Sends what was committed but not sent: at start (a crash between commit and send) and then periodically (a bus outage).
/// Also forgets dedupe keys and sent entries older than the retention.
/// </summary>
internal sealed class OutboxSweeper(OutboxDispatcher dispatcher, IRunStore store, IOptions<OrchestrationOptions> options, TimeProvider time, ILogger<OutboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            await dispatcher.TryDispatchAsync(null, stoppingToken);
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
