using System.Globalization;
using System.Text.Json;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Activities.BuiltIn;

/// <summary>
/// Sends RetrainModel (RequestId = run:activity:attempt, so a repeat never trains twice) and waits for the job's
/// ModelTrained or TrainingFailed. Outputs jobId, version, dataVersion, trainer, primaryMetric, metric (its value) and
/// metrics (JSON). A TrainingFailed is retryable (the next attempt is a new job) unless its reason is one that fails the
/// same way on every new job (bad data, a trainer that cannot fit, a misconfigured model): then the activity fails at
/// once instead of sitting in Retrying.
/// </summary>
internal sealed class TrainActivity : IActivity
{
    // The training service's reasons (TrainingFailureReasons) for failures that repeat on every job until the data, the
    // model or the configuration changes. Other reasons (retries exhausted, a crashed external trainer, a trainer's own
    // words) may pass, and are left to the activity's retry policy.
    private static readonly HashSet<string> DeterministicReasons = new(StringComparer.Ordinal)
    {
        "UnknownModel", "UnknownDataset", "InsufficientData", "SchemaMismatch", "UnknownTrainer", "InvalidPromotionPolicy",
        "MetricNotReported", "CannotFit", "TrainerTimedOut", "Unprocessable",
    };

    public string Type => ActivityTypes.Train;

    public IReadOnlyCollection<string> RequiredInputs { get; } = ["modelId"];

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var modelId = context.RequireInput("modelId");
        var jobId = context.IdempotencyKey;
        var reason = context.GetInput("reason") ?? $"pipeline {context.Run.Pipeline}";
        context.Send(new RetrainModel(jobId, modelId, reason, context.Now, context.RunId), jobId);
        return Task.FromResult(ActivityResult.WaitFor(new EventWait([nameof(ModelTrained), nameof(TrainingFailed)])
        {
            Match = new Dictionary<string, string> { ["jobId"] = jobId },
        }));
    }

    public Task<ActivityResult> OnEventAsync(ActivityContext context, RunEvent received, CancellationToken cancellationToken)
    {
        if (received.Type == nameof(TrainingFailed))
        {
            var failed = received.Body.Deserialize(WorkloadJsonContext.Default.TrainingFailed)!;
            return Task.FromResult(ActivityResult.Failed(
                $"training job {failed.JobId} failed: {failed.Reason}: {failed.Detail}",
                retryable: !DeterministicReasons.Contains(failed.Reason)));
        }

        var trained = received.Body.Deserialize(WorkloadJsonContext.Default.ModelTrained)!;
        var primary = trained.Metrics.TryGetValue(trained.PrimaryMetric, out var value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
        return Task.FromResult(ActivityResult.Completed(new Dictionary<string, string>
        {
            ["jobId"] = trained.JobId,
            ["modelId"] = trained.ModelId,
            ["version"] = trained.Version.ToString(CultureInfo.InvariantCulture),
            ["dataVersion"] = trained.DataVersion.ToString(CultureInfo.InvariantCulture),
            ["trainer"] = trained.Trainer,
            ["primaryMetric"] = trained.PrimaryMetric,
            ["metric"] = primary,
            ["metrics"] = JsonSerializer.Serialize(trained.Metrics, WorkloadJsonContext.Default.IReadOnlyDictionaryStringDouble),
        }));
    }
}
