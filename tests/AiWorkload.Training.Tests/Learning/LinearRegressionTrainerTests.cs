using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class LinearRegressionTrainerTests
{
    private readonly LinearRegressionTrainer trainer = new();

    [Fact]
    public async Task Recovers_known_coefficients_and_fits_with_high_r2()
    {
        var data = SyntheticData.KnownLinear(rows: 2000, noise: 0.1);

        var outcome = await trainer.TrainAsync(data, TrainingOptions.Default, CancellationToken.None);

        var coefficients = outcome.Model!.ToOriginalScale();
        Assert.Equal(3.0, coefficients.Weights[0][0], 0.01);
        Assert.Equal(-2.0, coefficients.Weights[0][1], 0.01);
        Assert.Equal(0.5, coefficients.Intercepts[0], 0.05);
        Assert.True(outcome.ValidationMetrics.R2 > 0.99, $"R² was {outcome.ValidationMetrics.R2}");
        Assert.True(outcome.ValidationMetrics.Rmse < 0.12, $"RMSE was {outcome.ValidationMetrics.Rmse}");
        Assert.Equal(1600, outcome.TrainingRows);
        Assert.Equal(400, outcome.ValidationRows);
        Assert.Equal(TrainingStopReason.ClosedFormSolution, outcome.StopReason);
        Assert.Equal(TrainedModel.ArtifactContentType, outcome.Artifact.ContentType);
    }

    [Fact]
    public async Task Noise_free_data_is_fitted_exactly_even_without_a_penalty()
    {
        var data = SyntheticData.KnownLinear(rows: 200, noise: 0);

        var outcome = await trainer.TrainAsync(data, TrainingOptions.Default with { L2 = 0 }, CancellationToken.None);

        var prediction = outcome.Model!.Predict([2.0, 1.0]);
        Assert.Equal((3 * 2.0) - (2 * 1.0) + 0.5, prediction.Value!.Value, 9);
        Assert.Equal(0, outcome.ValidationMetrics.Rmse!.Value, 9);
    }

    [Fact]
    public async Task A_constant_feature_does_not_break_the_solve_without_a_penalty()
    {
        var source = SyntheticData.KnownLinear(rows: 500, noise: 0.1);
        var rows = Enumerable.Range(0, source.RowCount).Select(r => source.GetFeatures(r).ToArray().Append(7.0).ToArray()).ToArray();
        var targets = Enumerable.Range(0, source.RowCount).Select(source.GetTarget).ToArray();
        var data = TabularDataset.ForRegression(["x1", "x2", "constant"], rows, targets);

        var outcome = await trainer.TrainAsync(data, TrainingOptions.Default with { L2 = 0 }, CancellationToken.None);

        Assert.Equal(1.0, outcome.Model!.Standardizer.Scales[2]);
        Assert.Equal(0.0, outcome.Model.Weights[0][2], 9);
        Assert.True(outcome.ValidationMetrics.R2 > 0.99);
    }

    [Fact]
    public async Task Classification_data_is_rejected()
    {
        var data = SyntheticData.SeparableBinary(50);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => trainer.TrainAsync(data, TrainingOptions.Default, CancellationToken.None));

        Assert.Contains("does not support classification", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_token_stops_training()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => trainer.TrainAsync(SyntheticData.KnownLinear(100, 0.1), TrainingOptions.Default, cancelled.Token));
    }
}
