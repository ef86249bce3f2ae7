namespace AiWorkload.Training.Learning;

/// <summary>
/// Metric keys, shared by <see cref="ModelMetrics"/> and the metrics JSON that external trainers write,
/// and which direction counts as better for each.
/// </summary>
public static class MetricNames
{
    public const string Accuracy = "accuracy";
    public const string F1 = "f1";
    public const string RocAuc = "roc_auc";
    public const string LogLoss = "log_loss";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";

    public static IReadOnlyList<string> Classification { get; } = [Accuracy, F1, RocAuc, LogLoss];

    public static IReadOnlyList<string> Regression { get; } = [Rmse, Mae, R2];

    public static IReadOnlyList<string> For(ModelTask task) => task == ModelTask.Classification ? Classification : Regression;

    public static bool IsHigherBetter(string metricName) => metricName switch
    {
        Accuracy or F1 or RocAuc or R2 => true,
        LogLoss or Rmse or Mae => false,
        _ => throw new ArgumentException($"Unknown metric '{metricName}'; known metrics are {string.Join(", ", Classification.Concat(Regression))}.", nameof(metricName)),
    };
}
