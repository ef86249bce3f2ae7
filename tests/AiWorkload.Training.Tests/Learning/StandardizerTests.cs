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
    public void A_wrong_feature_count_is_rejected()
    {
        var standardizer = Standardizer.Fit(Data, [0, 1]);

        Assert.Throws<ArgumentException>(() => standardizer.Transform([1.0]));
    }
}
