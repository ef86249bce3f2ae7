namespace AiWorkload.Training.Learning;

/// <summary>
/// Validation metrics of a model. Classification fills <see cref="Accuracy"/>, <see cref="F1"/>,
/// <see cref="RocAuc"/> (binary only) and <see cref="LogLoss"/>; regression fills <see cref="Rmse"/>,
/// <see cref="Mae"/> and <see cref="R2"/>. External trainers may report a subset (see EXTERNAL_TRAINER.md).
/// </summary>
public sealed record ModelMetrics
{
    public required ModelTask Task { get; init; }

    /// <summary>Rows the metrics were computed on (the validation split).</summary>
    public required int EvaluatedRows { get; init; }

    public double? Accuracy { get; init; }

    /// <summary>Binary: F1 of the positive class (class index 1). Multiclass: macro F1 over the classes present.</summary>
    public double? F1 { get; init; }

    /// <summary>Binary only; null when the evaluated rows hold a single class and the AUC is undefined.</summary>
    public double? RocAuc { get; init; }

    public double? LogLoss { get; init; }

    public double? Rmse { get; init; }

    public double? Mae { get; init; }

    public double? R2 { get; init; }

    /// <summary>The default for promotion: accuracy for classification, RMSE for regression (both always reported).</summary>
    public PrimaryMetric Primary => Select(Task == ModelTask.Classification ? MetricNames.Accuracy : MetricNames.Rmse);

    /// <summary>A specific metric as a comparable value, for policies that promote on something other than the default.</summary>
    public PrimaryMetric Select(string metricName) =>
        Get(metricName) is { } value
            ? PrimaryMetric.For(metricName, value)
            : throw new InvalidOperationException($"Metric '{metricName}' was not computed for this {Task.ToWireName()} model.");

    public double? Get(string metricName) => metricName switch
    {
        MetricNames.Accuracy => Accuracy,
        MetricNames.F1 => F1,
        MetricNames.RocAuc => RocAuc,
        MetricNames.LogLoss => LogLoss,
        MetricNames.Rmse => Rmse,
        MetricNames.Mae => Mae,
        MetricNames.R2 => R2,
        _ => throw new ArgumentException($"Unknown metric '{metricName}'.", nameof(metricName)),
    };

    /// <summary>The metrics that have values, keyed by <see cref="MetricNames"/>.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        MetricNames.For(Task).Where(name => Get(name).HasValue).ToDictionary(name => name, name => Get(name)!.Value, StringComparer.Ordinal);

    /// <summary>Builds metrics from named values, e.g. an external trainer's report; the task's primary metric is required.</summary>
    public static ModelMetrics FromValues(ModelTask task, IReadOnlyDictionary<string, double> values, int evaluatedRows)
    {
        ArgumentNullException.ThrowIfNull(values);
        var unknown = values.Keys.Where(key => !MetricNames.For(task).Contains(key, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Metrics [{string.Join(", ", unknown)}] do not apply to {task.ToWireName()}; expected some of [{string.Join(", ", MetricNames.For(task))}].", nameof(values));
        }

        var primaryName = task == ModelTask.Classification ? MetricNames.Accuracy : MetricNames.Rmse;
        if (!values.ContainsKey(primaryName))
        {
            throw new ArgumentException($"The '{primaryName}' metric is required for {task.ToWireName()}.", nameof(values));
        }

        double? Value(string name) => values.TryGetValue(name, out var value) ? value : null;
        return new ModelMetrics
        {
            Task = task,
            EvaluatedRows = evaluatedRows,
            Accuracy = Value(MetricNames.Accuracy),
            F1 = Value(MetricNames.F1),
            RocAuc = Value(MetricNames.RocAuc),
            LogLoss = Value(MetricNames.LogLoss),
            Rmse = Value(MetricNames.Rmse),
            Mae = Value(MetricNames.Mae),
            R2 = Value(MetricNames.R2),
        };
    }
}
