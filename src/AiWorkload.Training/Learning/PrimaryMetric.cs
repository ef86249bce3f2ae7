namespace AiWorkload.Training.Learning;

/// <summary>The one number a promotion decision compares, with the direction that counts as better.</summary>
public sealed record PrimaryMetric(string Name, double Value, bool HigherIsBetter)
{
    public static PrimaryMetric For(string metricName, double value) => new(metricName, value, MetricNames.IsHigherBetter(metricName));

    /// <summary>True when this beats <paramref name="baseline"/> by more than <paramref name="minimumImprovement"/>; NaN never wins.</summary>
    public bool IsBetterThan(PrimaryMetric baseline, double minimumImprovement = 0)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (!string.Equals(Name, baseline.Name, StringComparison.Ordinal) || HigherIsBetter != baseline.HigherIsBetter)
        {
            throw new ArgumentException($"Cannot compare metric '{Name}' with '{baseline.Name}'.", nameof(baseline));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(minimumImprovement);
        return HigherIsBetter
            ? Value > baseline.Value + minimumImprovement
            : Value < baseline.Value - minimumImprovement;
    }
}
