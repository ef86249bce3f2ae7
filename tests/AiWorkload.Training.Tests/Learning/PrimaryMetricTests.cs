using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class PrimaryMetricTests
{
    [Fact]
    public void Higher_is_better_for_accuracy()
    {
        var candidate = PrimaryMetric.For(MetricNames.Accuracy, 0.91);
        var baseline = PrimaryMetric.For(MetricNames.Accuracy, 0.90);

        Assert.True(candidate.IsBetterThan(baseline));
        Assert.False(baseline.IsBetterThan(candidate));
        Assert.False(candidate.IsBetterThan(baseline, minimumImprovement: 0.02));
    }

    [Fact]
    public void Lower_is_better_for_rmse()
    {
        var candidate = PrimaryMetric.For(MetricNames.Rmse, 1.2);
        var baseline = PrimaryMetric.For(MetricNames.Rmse, 1.5);

        Assert.True(candidate.IsBetterThan(baseline));
        Assert.False(baseline.IsBetterThan(candidate));
    }

    [Theory]
    [InlineData(MetricNames.Accuracy, true)]
    [InlineData(MetricNames.F1, true)]
    [InlineData(MetricNames.RocAuc, true)]
    [InlineData(MetricNames.R2, true)]
    [InlineData(MetricNames.LogLoss, false)]
    [InlineData(MetricNames.Rmse, false)]
    [InlineData(MetricNames.Mae, false)]
    public void Each_metric_knows_its_direction(string name, bool higherIsBetter)
    {
        Assert.Equal(higherIsBetter, MetricNames.IsHigherBetter(name));
    }

    [Fact]
    public void Different_metrics_cannot_be_compared()
    {
        Assert.Throws<ArgumentException>(() => PrimaryMetric.For(MetricNames.Accuracy, 0.9).IsBetterThan(PrimaryMetric.For(MetricNames.F1, 0.8)));
    }

    [Fact]
    public void Nan_never_wins()
    {
        Assert.False(PrimaryMetric.For(MetricNames.Rmse, double.NaN).IsBetterThan(PrimaryMetric.For(MetricNames.Rmse, 1)));
    }

    [Fact]
    public void Metrics_from_values_require_the_primary_metric()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelMetrics.FromValues(ModelTask.Regression, new Dictionary<string, double> { [MetricNames.Mae] = 1 }, 10));

        Assert.Contains("'rmse'", error.Message, StringComparison.Ordinal);
    }
}
