using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Processing;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using AiWorkload.Training.Promotion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Runs one retraining job per RetrainModel, under the queue's peek-lock, which the processor renews while it runs.
/// Idempotent on the job id (the request's MessageId): a delivery that finds the job's version recorded resumes from it
/// (decides if a crash came before the decision, then re-publishes the same events) and never trains a second version.
/// Data that can never train is dead-lettered at once with a reason; transient failures are retried with backoff; either
/// way the failure is recorded for the request's status and TrainingFailed is published when the job gives up.
/// Dead-lettering rather than completing keeps the request where operators look and can resubmit it once the data is
/// corrected, without spending the queue's delivery count on a failure that would only repeat. Shutdown cancels the
/// run, and the port abandons the message so the job is redone.
/// </summary>
public sealed class RetrainModelHandler(
    IWorkloadCatalog catalog,
    TrainingJobRunner runner,
    TrainingDataLoader loader,
    PromotionEvaluator promotion,
    JobOutcomeStore outcomes,
    TrainingEvents events,
    IOptions<RetrainingOptions> options,
    TrainingTelemetry telemetry,
    TimeProvider time,
    ILogger<RetrainModelHandler> logger) : IMessageHandler<RetrainModel>
{
    public async Task HandleAsync(RetrainModel message, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var job = TrainingJob.From(message, context);
        try
        {
            await RunAsync(job, cancellationToken);
        }
        catch (TrainingJobRejectedException rejected)
        {
            await GiveUpAsync(job, context, rejected.Reason, rejected.Message, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && FailureClassification.IsPermanent(error))
        {
            await GiveUpAsync(job, context, TrainingFailureReasons.Unprocessable, $"{error.GetType().Name}: {error.Message}", cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && job.Attempt >= options.Value.Retry.MaxAttempts)
        {
            // The port would dead-letter it now as MaxRetriesExceeded; settling here first adds the TrainingFailed event.
            var reason = error is TrainingFailedException ? TrainingFailureReasons.TrainerFailed : TrainingFailureReasons.RetriesExhausted;
            await GiveUpAsync(job, context, reason, $"Gave up after {job.Attempt} attempts. {error.Message}", cancellationToken);
        }
    }

    private async Task RunAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        var version = await catalog.GetVersionByJobAsync(job.ModelId, job.JobId, cancellationToken);
        TrainingData? data = null;
        ModelDefinition model;
        if (version is null)
        {
            await events.StartedAsync(job, cancellationToken);
            model = await GetModelAsync(job, cancellationToken);
            (version, data) = await runner.TrainAsync(job, model, cancellationToken);
        }
        else
        {
            model = await GetModelAsync(job, cancellationToken);
            logger.LogInformation("Job {JobId} already recorded v{Version} of model {ModelId} ({Status}); resuming without training again",
                job.JobId, version.Version, job.ModelId, version.Status);
        }

        JobOutcome outcome;
        if (version.Status == VersionStatus.Candidate)
        {
            (version, outcome) = await DecideAsync(job, model, version, data, cancellationToken);
        }
        else
        {
            outcome = await outcomes.GetAsync(job, cancellationToken) ?? FromVersion(model, version);
        }

        await events.CompletedAsync(job, version, outcome, cancellationToken);
    }

    private async Task<(ModelVersion Version, JobOutcome Outcome)> DecideAsync(
        TrainingJob job, ModelDefinition model, ModelVersion candidate, TrainingData? data, CancellationToken cancellationToken)
    {
        // Loaded again when resuming after a crash: the decision must say which rows the version was trained without.
        data ??= await loader.LoadAsync(model, candidate.DataVersion, cancellationToken);
        var decision = await promotion.EvaluateAsync(model, candidate, _ => Task.FromResult(data), cancellationToken);
        var reason = data.Excluded is { } excluded ? $"{decision.Reason} {excluded.Describe(data.DataVersion)}" : decision.Reason;
        var outcome = new JobOutcome(candidate.Version, decision.Promote, decision.Metric, decision.CandidateValue,
            decision.BaselineVersion, decision.BaselineValue, reason, time.GetUtcNow(), data.Excluded);
        var version = await outcomes.SaveAsync(job, outcome, candidate.ArtifactKey, cancellationToken);
        telemetry.RecordJob(decision.Promote ? "promoted" : "rejected");
        logger.LogInformation("Job {JobId}: {Decision}", job.JobId, reason);
        return (version, outcome);
    }

    private async Task<ModelDefinition> GetModelAsync(TrainingJob job, CancellationToken cancellationToken) =>
        await catalog.GetModelAsync(job.ModelId, cancellationToken)
            ?? throw new TrainingJobRejectedException(TrainingFailureReasons.UnknownModel, $"Model '{job.ModelId}' is not registered.");

    /// <summary>For a version decided outside this service (no stored outcome): the events say what the registry says.</summary>
    private static JobOutcome FromVersion(ModelDefinition model, ModelVersion version)
    {
        var metric = model.Promotion.PrimaryMetric;
        return new JobOutcome(
            version.Version,
            version.Status is VersionStatus.Promoted or VersionStatus.Retired,
            metric,
            version.Metrics.TryGetValue(metric, out var value) ? value : 0,
            null,
            null,
            version.Decision ?? $"v{version.Version} is {version.Status.ToString().ToLowerInvariant()}; no decision was recorded.",
            version.TrainedAt);
    }

    private async Task GiveUpAsync(TrainingJob job, IMessageContext context, string reason, string detail, CancellationToken cancellationToken)
    {
        var description = FailureText.Fit(detail);
        logger.LogWarning("Job {JobId} for model {ModelId} failed ({Reason}) on attempt {Attempt}: {Detail}", job.JobId, job.ModelId, reason, job.Attempt, description);
        // Recorded before the event and the dead-lettering, so the request's status says failed once either is seen.
        await outcomes.SaveFailureAsync(job, reason, description, time.GetUtcNow(), cancellationToken);
        await events.FailedAsync(job, reason, description, cancellationToken);
        await context.DeadLetterAsync(reason, description, cancellationToken);
        telemetry.RecordJob("failed");
    }
}
