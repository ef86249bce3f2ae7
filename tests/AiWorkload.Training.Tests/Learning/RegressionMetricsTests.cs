using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class RegressionMetricsTests
{
    private static readonly double[] Actual = [3, -0.5, 2, 7];
    private static readonly double[] Predicted = [2.5, 0, 2, 8];

    [Fact]
    public void Rmse_is_the_root_of_the_mean_squared_error()
    {
        // Errors 0.5, −0.5, 0, −1 → MSE = 1.5 / 4.
        Assert.Equal(Math.Sqrt(0.375), RegressionMetrics.Rmse(Actual, Predicted), 12);
    }

    [Fact]
    public void Mae_is_the_mean_absolute_error()
    {
        Assert.Equal(0.5, RegressionMetrics.Mae(Actual, Predicted), 12);
    }

    [Fact]
    public void R2_compares_residuals_with_the_variance_of_the_actual_values()
    {
        // SSres = 1.5; mean 2.875, SStot = 29.1875.
        Assert.Equal(1 - (1.5 / 29.1875), RegressionMetrics.R2(Actual, Predicted), 12);
    }

    [Fact]
    public void R2_is_zero_for_predicting_the_mean_and_negative_for_worse()
    {
        Assert.Equal(0, RegressionMetrics.R2([1, 2, 3], [2, 2, 2]), 12);
        Assert.True(RegressionMetrics.R2([1, 2, 3], [3, 2, 1]) < 0);
    }

    [Fact]
    public void R2_of_constant_actual_values_stays_finite()
    {
        Assert.Equal(1, RegressionMetrics.R2([4, 4], [4, 4]));
        Assert.Equal(0, RegressionMetrics.R2([4, 4], [3, 5]));
    }

    [Fact]
    public void Compute_makes_rmse_the_lower_is_better_primary_metric()
    {
        var metrics = RegressionMetrics.Compute(Actual, Predicted);

        Assert.Equal(MetricNames.Rmse, metrics.Primary.Name);
        Assert.False(metrics.Primary.HigherIsBetter);
        Assert.Equal(0.5, metrics.Mae);
        Assert.True(metrics.Select(MetricNames.R2).HigherIsBetter);
        Assert.Null(metrics.Accuracy);
    }
}
