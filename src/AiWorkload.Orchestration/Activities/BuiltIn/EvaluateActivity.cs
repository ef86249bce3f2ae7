using System.Globalization;
using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Activities.BuiltIn;

/// <summary>
/// The promotion decision for a training job. The retraining service decides (promote if better by the policy's margin);
/// this reads its verdict: from the catalog if already recorded, else from the job's ModelPromoted or ModelRejected.
/// Outputs decision (promoted or rejected), version, baselineVersion, metric, value, baselineValue and reason.
/// </summary>
internal sealed class EvaluateActivity(IWorkloadCatalog catalog) : IActivity
{
    public string Type => ActivityTypes.Evaluate;

    public IReadOnlyCollection<string> RequiredInputs { get; } = ["modelId", "jobId"];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var modelId = context.RequireInput("modelId");
        var jobId = context.RequireInput("jobId");
        if (await catalog.GetVersionByJobAsync(modelId, jobId, cancellationToken) is { Status: not VersionStatus.Candidate } decided)
        {
            return ActivityResult.Completed(new Dictionary<string, string>
            {
                ["decision"] = decided.Status == VersionStatus.Rejected ? "rejected" : "promoted",
                ["version"] = Text(decided.Version),
                ["reason"] = decided.Decision ?? string.Empty,
                ["source"] = "catalog",
            });
        }

        return ActivityResult.WaitFor(new EventWait([nameof(ModelPromoted), nameof(ModelRejected)])
        {
            Match = new Dictionary<string, string> { ["jobId"] = jobId },
        });
    }

    public Task<ActivityResult> OnEventAsync(ActivityContext context, RunEvent received, CancellationToken cancellationToken)
    {
        if (received.Type == nameof(ModelRejected))
        {
            var rejected = received.Body.Deserialize(WorkloadJsonContext.Default.ModelRejected)!;
            return Task.FromResult(Decided("rejected", rejected.Version, rejected.CurrentVersion, rejected.Metric, rejected.Value, rejected.CurrentValue, rejected.Decision));
        }

        var promoted = received.Body.Deserialize(WorkloadJsonContext.Default.ModelPromoted)!;
        return Task.FromResult(Decided("promoted", promoted.Version, promoted.PreviousVersion, promoted.Metric, promoted.Value, promoted.PreviousValue, promoted.Decision));
    }

    private static ActivityResult Decided(string decision, int version, int? baseline, string metric, double value, double? baselineValue, string reason) =>
        ActivityResult.Completed(new Dictionary<string, string>
        {
            ["decision"] = decision,
            ["version"] = Text(version),
            ["baselineVersion"] = baseline is { } b ? Text(b) : string.Empty,
            ["metric"] = metric,
            ["value"] = value.ToString("R", CultureInfo.InvariantCulture),
            ["baselineValue"] = baselineValue?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
            ["reason"] = reason,
            ["source"] = "event",
        });

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
