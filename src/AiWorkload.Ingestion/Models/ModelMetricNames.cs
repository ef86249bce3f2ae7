using AiWorkload.Catalog.Models;

namespace AiWorkload.Ingestion.Models;

/// <summary>
/// The metrics the built-in trainers compute (the same keys as the training library's MetricNames), so a policy or a
/// report naming another metric is refused at the API instead of failing a promotion later.
/// </summary>
internal static class ModelMetricNames
{
    public static IReadOnlyList<string> Classification { get; } = ["accuracy", "f1", "roc_auc", "log_loss"];

    public static IReadOnlyList<string> Regression { get; } = ["rmse", "mae", "r2"];

    public static IReadOnlyList<string> For(TaskType task) => task == TaskType.Classification ? Classification : Regression;

    /// <summary>Higher is better for both defaults, so "a drop" in the drift policy reads naturally.</summary>
    public static string DefaultFor(TaskType task) => task == TaskType.Classification ? "accuracy" : "r2";

    public static bool IsKnown(TaskType task, string? metric) => metric is not null && For(task).Contains(metric, StringComparer.Ordinal);

    public static string Describe(TaskType task) => string.Join(", ", For(task));
}
