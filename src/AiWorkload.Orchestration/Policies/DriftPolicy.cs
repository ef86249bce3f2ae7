using System.Globalization;
using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Policies;

/// <summary>
/// On ModelMetricsReported: a model has decayed when its reported drift score exceeds the policy's threshold, or when the
/// reported drift metric is worse than the promoted version's validation value by more than MaxDrop. A decay starts the
/// drift pipeline unless a retraining of it is already active (single-flight) or it is in cool-down (CoolDown since the last
/// drift retraining started). Every report gets a recorded decision with its reason and numbers.
/// </summary>
internal sealed class DriftPolicy(IWorkloadCatalog catalog, PipelineRegistry pipelines) : IEventPolicy
{
    public async Task EvaluateAsync(RunEvent received, RunWork work, CancellationToken cancellationToken)
    {
        if (received.Type != nameof(ModelMetricsReported))
        {
            return;
        }

        var report = received.Body.Deserialize(WorkloadJsonContext.Default.ModelMetricsReported)!;
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metric"] = report.Metric,
            ["value"] = Text(report.Value),
        };
        if (report.DriftScore is { } reported)
        {
            details["driftScore"] = Text(reported);
        }

        void Decide(bool triggered, string reason, string? runId = null) =>
            DecisionRecorder.Record(work, PolicyNames.Drift, report.ModelId, received.MessageId, triggered, reason, details, runId);

        if (await catalog.GetModelAsync(report.ModelId, cancellationToken) is not { } model)
        {
            Decide(false, $"model '{report.ModelId}' is not registered");
            return;
        }

        var (decay, calm) = await AssessAsync(model, report, details, cancellationToken);
        if (decay is null)
        {
            Decide(false, calm!);
            return;
        }

        if (await RetrainingGuard.ActiveRetrainingAsync(model.ModelId, work, pipelines, cancellationToken) is { } active)
        {
            Decide(false, $"{decay}, but run {active} is already retraining the model");
            return;
        }

        if (await work.Store.GetLastTriggeredDecisionAsync(model.ModelId, PolicyNames.Drift, cancellationToken) is { } last && last.DecidedAt + model.Drift.CoolDown > work.Now)
        {
            Decide(false, $"{decay}, but the model is in cool-down until {last.DecidedAt + model.Drift.CoolDown:O} (drift retraining {last.RunId} started {last.DecidedAt:O})");
            return;
        }

        if (pipelines.FirstTriggeredBy(TriggerKind.Drift) is not { } pipeline)
        {
            Decide(false, $"{decay}, but no pipeline has a drift trigger");
            return;
        }

        var runId = $"{pipeline.Name}-{StableIds.ShortHash(received.MessageId)}";
        RunFactory.Launch(work, pipeline, runId, PolicyNames.Drift, model.ModelId, new Dictionary<string, string> { ["reason"] = decay }, flightKey: model.ModelId);
        Decide(true, decay, runId);
    }

    /// <summary>The decay found (and its description), or why the report shows none.</summary>
    private async Task<(string? Decay, string? Calm)> AssessAsync(ModelDefinition model, ModelMetricsReported report, Dictionary<string, string> details, CancellationToken cancellationToken)
    {
        var policy = model.Drift;
        if (report.DriftScore is { } score && score > policy.DriftScoreThreshold)
        {
            return ($"drift score {Text(score)} exceeds the threshold {Text(policy.DriftScoreThreshold)}", null);
        }

        var scoreNote = report.DriftScore is { } calmScore ? $"drift score {Text(calmScore)} is within {Text(policy.DriftScoreThreshold)}; " : string.Empty;
        if (!string.Equals(report.Metric, policy.Metric, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{scoreNote}metric '{report.Metric}' is not the drift metric '{policy.Metric}'");
        }

        if (await catalog.GetPromotedVersionAsync(model.ModelId, cancellationToken) is not { } promoted)
        {
            return (null, $"{scoreNote}no promoted version to compare {policy.Metric} with");
        }

        if (!promoted.Metrics.TryGetValue(policy.Metric, out var baseline))
        {
            return (null, $"{scoreNote}promoted version {promoted.Version} has no validation value for {policy.Metric}");
        }

        var drop = MetricDirection.Decay(policy.Metric, report.Value, baseline);
        details["baseline"] = Text(baseline);
        details["promotedVersion"] = promoted.Version.ToString(CultureInfo.InvariantCulture);
        details["drop"] = Text(drop);
        return drop > policy.MaxDrop
            ? ($"{policy.Metric} {Text(report.Value)} is {Text(drop)} worse than promoted version {promoted.Version}'s validation {Text(baseline)} (allowed {Text(policy.MaxDrop)})", null)
            : (null, $"{scoreNote}{policy.Metric} {Text(report.Value)} is within {Text(policy.MaxDrop)} of promoted version {promoted.Version}'s validation {Text(baseline)}");
    }

    private static string Text(double value) => Math.Round(value, 6).ToString(CultureInfo.InvariantCulture);
}
