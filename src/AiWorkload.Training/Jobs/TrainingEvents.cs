using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Publishes a job's events. Everything in them comes from the job, the recorded version and the stored outcome, never
/// from the delivery, so a re-publish after a crash or for a duplicate request is the same event with the same id.
/// </summary>
public sealed class TrainingEvents(IMessageBus bus, TimeProvider time)
{
    public Task StartedAsync(TrainingJob job, CancellationToken cancellationToken) =>
        bus.PublishAsync(new TrainingStarted(JobEventIds.Started(job.JobId), job.JobId, job.ModelId, time.GetUtcNow(), job.RunId), cancellationToken: cancellationToken);

    public Task FailedAsync(TrainingJob job, string reason, string detail, CancellationToken cancellationToken) =>
        bus.PublishAsync(new TrainingFailed(JobEventIds.Failed(job.JobId), job.JobId, job.ModelId, reason, detail, time.GetUtcNow(), job.RunId), cancellationToken: cancellationToken);

    /// <summary>ModelTrained first, then the decision, so a consumer never sees a promotion of a version it has not heard of.</summary>
    public async Task CompletedAsync(TrainingJob job, ModelVersion version, JobOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(outcome);
        await bus.PublishAsync(
            new ModelTrained(JobEventIds.Trained(job.JobId), job.JobId, job.ModelId, version.Version, version.Trainer, version.DataVersion,
                version.Metrics, outcome.Metric, version.TrainedAt, job.RunId, version.ArtifactKey),
            cancellationToken: cancellationToken);
        if (outcome.Promoted)
        {
            await bus.PublishAsync(
                new ModelPromoted(JobEventIds.Promoted(job.JobId), job.JobId, job.ModelId, version.Version, outcome.BaselineVersion,
                    outcome.Metric, outcome.Value, outcome.BaselineValue, outcome.Decision, outcome.DecidedAt, job.RunId),
                cancellationToken: cancellationToken);
        }
        else
        {
            await bus.PublishAsync(
                new ModelRejected(JobEventIds.Rejected(job.JobId), job.JobId, job.ModelId, version.Version, outcome.BaselineVersion,
                    outcome.Metric, outcome.Value, outcome.BaselineValue, outcome.Decision, outcome.DecidedAt, job.RunId),
                cancellationToken: cancellationToken);
        }
    }
}
