using AiWorkload.Messaging;
using AiWorkload.Messaging.DeadLetters;
using AiWorkload.Messaging.Topology;
using AiWorkload.Training.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Records a failure for retraining requests the broker dead-lettered by itself: a request whose every delivery killed its
/// consumer reaches the delivery limit without the handler ever giving up, so nothing else would tell its status. Reads
/// the dead-letter queue without taking anything (operators resubmit from it); a job is its MessageId, the model its
/// SessionId. The failure the handler recorded itself, or a version decided later, wins.
/// </summary>
internal sealed class DeadLetteredJobSweeper(
    IDeadLetterQueues deadLetters,
    JobOutcomeStore outcomes,
    IOptions<RetrainingOptions> options,
    TimeProvider time,
    ILogger<DeadLetteredJobSweeper> logger) : BackgroundService
{
    private const int PageSize = 100;
    private static readonly MessageSource RetrainingQueue = MessageSource.Queue(WorkloadTopology.RetrainingQueue);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long next = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var page = await deadLetters.PeekAsync(RetrainingQueue, PageSize, next, stoppingToken);
                foreach (var message in page)
                {
                    await RecordAsync(message, stoppingToken);
                    next = message.SequenceNumber + 1;
                }

                if (page.Count == PageSize)
                {
                    continue;
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(error, "Reading {Queue}'s dead letters failed; trying again in {Interval}", RetrainingQueue.EntityPath, options.Value.DeadLetterSweepInterval);
            }

            await Task.Delay(options.Value.DeadLetterSweepInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RecordAsync(DeadLetteredMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.SessionId))
        {
            return;
        }

        var job = new TrainingJob(message.MessageId, message.SessionId, message.CorrelationId, message.DeliveryCount);
        var reason = message.Reason ?? "DeadLettered";
        var detail = message.Description ?? $"The broker dead-lettered the request after {message.DeliveryCount} deliveries; resubmit it from the dead-letter queue.";
        await outcomes.SaveFailureAsync(job, reason, detail, time.GetUtcNow(), cancellationToken);
    }
}
