using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;

namespace AiWorkload.Catalog.Tests;

/// <summary>The dataset, model and versions the catalog tests write.</summary>
internal static class CatalogSamples
{
    public static readonly DatasetDefinition Churn = new("churn", ["age", "spend"], "churned", LabelKind.Categorical);

    public static readonly DateTimeOffset Now = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public static DatasetRow Row(double a, double b, string label) => new([a, b], label);

    public static ModelDefinition Model(string modelId = "m1") => new(
        modelId, "Churn model", "churn", TaskType.Classification, new PromotionPolicy("accuracy", 0.01),
        new DriftPolicy("accuracy", 0.05, 0.3, TimeSpan.FromMinutes(10), 100), Now);

    public static NewModelVersion NewVersion(string job, double accuracy) =>
        new("m1", job, "logistic-regression", 1, new Dictionary<string, double> { ["accuracy"] = accuracy }, $"m1/{job}", Now, 0.5);
}
