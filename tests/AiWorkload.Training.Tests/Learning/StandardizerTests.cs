using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class StandardizerTests
{
    private static readonly TabularDataset Data = TabularDataset.ForRegression(
        ["varying", "constant"],
        [[1.0, 5.0], [3.0, 5.0], [5.0, 5.0], [100.0, 5.0]],
        [0, 0, 0, 0]);

    [Fact]
    public void Statistics_come_only_from_the_given_rows()
    {
        var standardizer = Standardizer.Fit(Data, [0, 1, 2]);

        Assert.Equal(3.0, standardizer.Means[0], 12);
        Assert.Equal(Math.Sqrt(8.0 / 3), standardizer.Scales[0], 12);
    }

    [Fact]
    public void A_zero_variance_feature_gets_unit_scale_and_maps_to_zero()
    {
        var standardizer = Standardizer.Fit(Data, [0, 1, 2, 3]);

        Assert.Equal(1.0, standardizer.Scales[1]);
        Assert.Equal(0.0, standardizer.Transform([3.0, 5.0])[1]);
        Assert.Equal(2.0, standardizer.Transform([3.0, 7.0])[1]);
    }

    [Fact]
    public void Transform_centres_and_scales()
    {
        var standardizer = Standardizer.Fit(Data, [0, 1, 2]);

        var standardized = standardizer.Transform([3.0 + Math.Sqrt(8.0 / 3), 5.0]);

        Assert.Equal(1.0, standardized[0], 12);
    }

    [Fact]
    public void Values_near_the_limits_of_double_give_finite_statistics_and_transforms()
    {
        // 1e308 squared overflows; a plain fit made the mean or scale infinite and the constructor throw.
        var extreme = TabularDataset.ForRegression(
            ["x", "ordinary"],
            [[1e308, 1.0], [-1e308, 2.0], [0.0, 3.0], [1e308, 4.0]],
            [0, 0, 0, 0]);

        var standardizer = Standardizer.Fit(extreme, [0, 1, 2, 3]);

        Assert.Equal(0.25e308, standardizer.Means[0], 1e294);
        Assert.Equal(Math.Sqrt(0.6875) * 1e308, standardizer.Scales[0], 1e294);
        Assert.Equal(Math.Sqrt(1.25), standardizer.Scales[1], 12);
        Assert.All(standardizer.Transform([-1.7e308, 1.0]), z => Assert.True(double.IsFinite(z)));
        Assert.Equal((1e308 - 0.25e308) / (Math.Sqrt(0.6875) * 1e308), standardizer.Transform([1e308, 1.0])[0], 12);
    }

    [Fact]
    public void A_wrong_feature_count_is_rejected()
    {
        var standardizer = Standardizer.Fit(Data, [0, 1]);

        Assert.Throws<ArgumentException>(() => standardizer.Transform([1.0]));
    }
}
