using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Ingestion.Datasets;

namespace AiWorkload.Ingestion.Models;

/// <summary>Catalog records to API shapes: enums as lowercase words, time spans as seconds, so clients need no .NET conventions.</summary>
internal static class ModelMapping
{
    public static string TaskText(TaskType task) => task.ToString().ToLowerInvariant();

    public static ModelResponse ToResponse(ModelDefinition model, DatasetStats dataset, IReadOnlyList<ModelVersion> versions) =>
        new(
            model.ModelId,
            model.Name,
            TaskText(model.Task),
            model.Trainer,
            ToResponse(dataset),
            new PromotionPolicyResponse(model.Promotion.PrimaryMetric, model.Promotion.MinimumImprovement),
            new DriftPolicyResponse(model.Drift.Metric, model.Drift.MaxDrop, model.Drift.DriftScoreThreshold, model.Drift.CoolDown.TotalSeconds, model.Drift.NewDataRows),
            model.RegisteredAt,
            versions.LastOrDefault(v => v.Status == VersionStatus.Promoted)?.Version,
            [.. versions.Select(ToResponse)]);

    public static ModelVersionResponse ToResponse(ModelVersion version) =>
        new(version.Version, version.JobId, version.Trainer, version.DataVersion, version.Metrics, version.TrainedAt, version.TrainingSeconds,
            version.Status.ToString().ToLowerInvariant(), version.Decision);

    public static DatasetResponse ToResponse(DatasetStats stats) =>
        new(stats.Definition.DatasetId, stats.Definition.Features, stats.Definition.Label, stats.Definition.LabelKind.ToString().ToLowerInvariant(),
            stats.TotalRows, stats.DataVersion);
}
