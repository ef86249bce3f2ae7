using System.Globalization;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

/// <summary>Datasets and models for retraining tests, written through the catalog as ingestion would.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Label "yes" when x1 &gt; 0: a model trained on it predicts "yes" for (2, −2).</summary>
    public static IReadOnlyList<DatasetRow> FollowsX1(int rows, int seed) => Concept(rows, seed, (x1, _) => x1 > 0);

    /// <summary>Label "yes" when x2 &gt; 0: the concept after a drift; a model trained on it predicts "no" for (2, −2).</summary>
    public static IReadOnlyList<DatasetRow> FollowsX2(int rows, int seed) => Concept(rows, seed, (_, x2) => x2 > 0);

    /// <summary>y = 3·x1 − 2·x2 + 1 exactly.</summary>
    public static IReadOnlyList<DatasetRow> Linear(int rows, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows).Select(_ =>
        {
            var x1 = (random.NextDouble() * 4) - 2;
            var x2 = (random.NextDouble() * 4) - 2;
            return new DatasetRow([x1, x2], ((3 * x1) - (2 * x2) + 1).ToString("R", CultureInfo.InvariantCulture));
        })];
    }

    public static async Task AddDatasetAsync(IWorkloadCatalog catalog, string datasetId, LabelKind kind, IReadOnlyList<DatasetRow> rows, string batchId = "batch-1")
    {
        await catalog.WriteAsync(w =>
        {
            w.CreateDataset(new DatasetDefinition(datasetId, ["x1", "x2"], kind == LabelKind.Numeric ? "y" : "buys", kind));
            return rows.Count == 0 ? null : w.AppendRows(datasetId, batchId, rows);
        });
    }

    public static Task AppendAsync(IWorkloadCatalog catalog, string datasetId, string batchId, IReadOnlyList<DatasetRow> rows) =>
        catalog.WriteAsync(w => w.AppendRows(datasetId, batchId, rows));

    public static Task RegisterModelAsync(
        IWorkloadCatalog catalog,
        string modelId,
        string datasetId,
        TaskType task = TaskType.Classification,
        string trainer = "builtin",
        double margin = 0.01,
        string? metric = null) =>
        catalog.WriteAsync(w => w.RegisterModel(new ModelDefinition(
            modelId,
            modelId,
            datasetId,
            task,
            new PromotionPolicy(metric ?? (task == TaskType.Classification ? "accuracy" : "rmse"), margin),
            new DriftPolicy("accuracy", 0.05, 0.5, TimeSpan.FromMinutes(10), 100),
            Now,
            trainer)));

    private static IReadOnlyList<DatasetRow> Concept(int rows, int seed, Func<double, double, bool> concept)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows).Select(_ =>
        {
            var x1 = (random.NextDouble() * 4) - 2;
            var x2 = (random.NextDouble() * 4) - 2;
            return new DatasetRow([x1, x2], concept(x1, x2) ? "yes" : "no");
        })];
    }
}
