using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Jobs;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using Microsoft.Extensions.Options;

namespace AiWorkload.Training.Promotion;

/// <summary>
/// Compares a candidate version with the promoted one on the same validation data. Metrics from different splits are
/// not comparable, so a built-in promoted model is re-scored on the candidate's validation rows (same snapshot, same
/// seeded split); an opaque external artifact cannot be re-scored, and its stored metric is used, which the decision says.
/// </summary>
public sealed class PromotionEvaluator(IWorkloadCatalog catalog, IArtifactStore artifacts, IOptions<RetrainingOptions> options)
{
    /// <param name="loadData">The candidate's training data at its pinned version; called only when re-scoring needs it.</param>
    public async Task<PromotionDecision> EvaluateAsync(
        ModelDefinition model,
        ModelVersion candidate,
        Func<CancellationToken, Task<TrainingData>> loadData,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(loadData);
        var metric = model.Promotion.PrimaryMetric;
        if (!candidate.Metrics.TryGetValue(metric, out var candidateValue))
        {
            throw new InvalidOperationException($"Version {candidate.Version} of model '{model.ModelId}' has no recorded {metric}.");
        }

        var promoted = await catalog.GetPromotedVersionAsync(model.ModelId, cancellationToken);
        var comparedOn = $"on its validation split of data version {candidate.DataVersion}";
        BaselineScore? baseline = null;
        if (promoted is not null && promoted.Version != candidate.Version)
        {
            (baseline, comparedOn) = await ScoreAsync(model, candidate, promoted, loadData, cancellationToken);
        }

        return PromotionPolicyDecider.Decide(model.Promotion, candidate.Version, candidateValue, comparedOn, baseline);
    }

    private async Task<(BaselineScore Score, string ComparedOn)> ScoreAsync(
        ModelDefinition model,
        ModelVersion candidate,
        ModelVersion promoted,
        Func<CancellationToken, Task<TrainingData>> loadData,
        CancellationToken cancellationToken)
    {
        var metric = model.Promotion.PrimaryMetric;
        var comparedOn = $"on its validation split of data version {candidate.DataVersion}";
        var stored = await artifacts.OpenReadAsync(promoted.ArtifactKey, cancellationToken)
            ?? throw new InvalidOperationException($"The artifact '{promoted.ArtifactKey}' of the promoted v{promoted.Version} of model '{model.ModelId}' is missing from the artifact store.");
        TrainedModel current;
        await using (stored)
        {
            if (stored.ContentType != TrainedModel.ArtifactContentType)
            {
                var sameData = promoted.DataVersion == candidate.DataVersion;
                var note = sameData
                    ? $"(its stored value: trainer '{promoted.Trainer}' produced an opaque artifact, scored by that trainer on the same seeded validation split of data version {promoted.DataVersion})"
                    : $"(its stored value: trainer '{promoted.Trainer}' produced an opaque artifact that cannot be re-scored, so the numbers come from different validation data, versions {promoted.DataVersion} and {candidate.DataVersion})";
                return (new BaselineScore(promoted.Version, promoted.Metrics.TryGetValue(metric, out var value) ? value : null, BaselineBasis.StoredMetrics, note), comparedOn);
            }

            try
            {
                current = TrainedModel.ReadJson(stored.Content);
            }
            catch (InvalidDataException error)
            {
                return (new BaselineScore(promoted.Version, null, BaselineBasis.Unscorable, $"its artifact is unreadable: {error.Message}"), comparedOn);
            }
        }

        var data = await loadData(cancellationToken);
        var settings = options.Value;
        var split = DataSplit.Create(data.Dataset, settings.ValidationFraction, settings.Seed);
        comparedOn = $"on the {split.ValidationIndices.Count} validation rows of data version {data.DataVersion}";
        try
        {
            var rescored = current.Evaluate(data.Dataset, split.ValidationIndices).Get(metric);
            return rescored is null
                ? (new BaselineScore(promoted.Version, null, BaselineBasis.Unscorable, $"{metric} is undefined for it on these rows"), comparedOn)
                : (new BaselineScore(promoted.Version, rescored, BaselineBasis.SameValidationData, "on the same rows"), comparedOn);
        }
        catch (ArgumentException error)
        {
            return (new BaselineScore(promoted.Version, null, BaselineBasis.Unscorable, $"it cannot score this data: {error.Message}"), comparedOn);
        }
    }
}
