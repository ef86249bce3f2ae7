using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Trains a new version for a job: pins the dataset snapshot, runs the model's trainer, stores the artifact under its
/// deterministic key, and only then records the version. A crash before the record leaves at most an orphan artifact;
/// after it, the job's next delivery finds the version and goes on from there.
/// </summary>
public sealed class TrainingJobRunner(
    IWorkloadCatalog catalog,
    TrainingDataLoader loader,
    TrainerResolver trainers,
    IArtifactStore artifacts,
    IOptions<RetrainingOptions> options,
    TrainingTelemetry telemetry,
    TimeProvider time,
    ILogger<TrainingJobRunner> logger)
{
    public async Task<TrainedVersion> TrainAsync(TrainingJob job, ModelDefinition model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(model);
        var metric = model.Promotion.PrimaryMetric;
        var task = TrainerResolver.ToModelTask(model.Task);
        if (!MetricNames.For(task).Contains(metric, StringComparer.Ordinal))
        {
            throw new TrainingJobRejectedException(TrainingFailureReasons.InvalidPromotionPolicy,
                $"Model '{model.ModelId}' promotes on '{metric}', which {model.Task.ToString().ToLowerInvariant()} does not report; use one of {string.Join(", ", MetricNames.For(task))}.");
        }

        var trainer = trainers.Resolve(model);
        var data = await loader.LoadAsync(model, dataVersion: null, cancellationToken);
        var outcome = await RunTrainerAsync(job, trainer, data, cancellationToken);
        if (outcome.ValidationMetrics.Get(metric) is null)
        {
            throw new TrainingJobRejectedException(TrainingFailureReasons.MetricNotReported,
                $"Trainer '{outcome.TrainerName}' reported [{string.Join(", ", outcome.ValidationMetrics.ToDictionary().Keys)}] but not '{metric}', which the promotion policy of model '{model.ModelId}' compares.");
        }

        // The training is done: finish recording it even if shutdown has begun, rather than throw the work away.
        var key = ArtifactKeys.ForVersion(job.ModelId, job.JobId, outcome.Artifact);
        await artifacts.PutAsync(key, outcome.Artifact, CancellationToken.None);
        var version = await catalog.WriteAsync(
            w => w.AddVersion(new NewModelVersion(
                job.ModelId,
                job.JobId,
                outcome.TrainerName,
                data.DataVersion,
                outcome.ValidationMetrics.ToDictionary(),
                key,
                time.GetUtcNow(),
                outcome.Duration.TotalSeconds)),
            CancellationToken.None);
        logger.LogInformation(
            "Job {JobId} trained v{Version} of model {ModelId} with {Trainer} on {Rows} rows of data version {DataVersion} in {Seconds:0.###} s ({StopReason})",
            job.JobId, version.Version, job.ModelId, outcome.TrainerName, data.Dataset.RowCount, data.DataVersion, outcome.Duration.TotalSeconds, outcome.StopReason);
        return new TrainedVersion(version, data);
    }

    private async Task<TrainingOutcome> RunTrainerAsync(TrainingJob job, ResolvedTrainer trainer, TrainingData data, CancellationToken cancellationToken)
    {
        using var activity = telemetry.StartTraining(job.ModelId, trainer.Trainer.Name, data.Dataset.RowCount);
        try
        {
            var outcome = await trainer.Trainer.TrainAsync(data.Dataset, options.Value.ToTrainingOptions(trainer.TimeBudget), cancellationToken);
            telemetry.RecordDuration(trainer.Trainer.Name, outcome.Duration);
            return outcome;
        }
        catch (TrainingFailedException error)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.TimedOut ? "timed out" : "failed");

            // A program that exited non-zero may have met something passing (an OOM kill, a lost mount): it is retried,
            // and the handler reports it with its stderr tail once the attempts run out. An overrun or a broken output
            // contract repeats on the same pinned data and seed, and a program that cannot start is misconfigured.
            if (error.ExitCode is not (null or 0) && !error.TimedOut)
            {
                throw;
            }

            throw new TrainingJobRejectedException(
                error.TimedOut ? TrainingFailureReasons.TrainerTimedOut : TrainingFailureReasons.TrainerFailed,
                error.Message,
                error);
        }
        catch (Exception error) when (IsNumericalFailure(error) && !cancellationToken.IsCancellationRequested)
        {
            // A built-in trainer is deterministic on a pinned snapshot and seed: retrying would fail the same way.
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "cannot fit");
            throw new TrainingJobRejectedException(
                TrainingFailureReasons.CannotFit,
                $"Trainer '{trainer.Trainer.Name}' cannot fit data version {data.DataVersion} of dataset '{data.DatasetId}': {error.Message}",
                error);
        }
    }

    private static bool IsNumericalFailure(Exception error) =>
        error is ArithmeticException or ArgumentException or (InvalidOperationException and not ObjectDisposedException);
}
