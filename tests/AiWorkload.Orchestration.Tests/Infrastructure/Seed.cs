using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>Catalog fixtures: a dataset with rows, a model on it with a drift policy, and a promoted version.</summary>
internal static class Seed
{
    public const string Dataset = "churn-data";
    public const string Model = "churn";

    public static DriftPolicy Drift { get; } = new("accuracy", MaxDrop: 0.05, DriftScoreThreshold: 0.3, CoolDown: TimeSpan.FromHours(1), NewDataRows: 100);

    public static Task ModelAsync(IWorkloadCatalog catalog, string modelId = Model, DriftPolicy? drift = null, int rows = 20, double? promotedAccuracy = 0.9) =>
        catalog.WriteAsync(w =>
        {
            w.CreateDataset(new DatasetDefinition(Dataset, ["tenure", "spend"], "churned", LabelKind.Categorical));
            if (rows > 0)
            {
                w.AppendRows(Dataset, $"seed-{modelId}", Rows(rows));
            }

            w.RegisterModel(new ModelDefinition(modelId, modelId, Dataset, TaskType.Classification, new PromotionPolicy("accuracy", 0.01), drift ?? Drift,
                new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            if (promotedAccuracy is { } accuracy)
            {
                var version = w.AddVersion(new NewModelVersion(modelId, $"seed-{modelId}", "builtin", 1, new Dictionary<string, double> { ["accuracy"] = accuracy },
                    "artifacts/seed", DateTimeOffset.UnixEpoch, 1));
                w.SetVersionStatus(modelId, version.Version, VersionStatus.Promoted, "first version");
            }

            return true;
        });

    public static Task<DatasetBatch> RowsAsync(IWorkloadCatalog catalog, string batchId, int count) =>
        catalog.WriteAsync(w => w.AppendRows(Dataset, batchId, Rows(count)));

    private static DatasetRow[] Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DatasetRow([i, i * 2.5], i % 2 == 0 ? "yes" : "no"))];
}
