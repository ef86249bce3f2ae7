using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class LogisticRegressionTrainerTests
{
    private readonly LogisticRegressionTrainer trainer = new();

    [Fact]
    public async Task Separates_a_linearly_separable_binary_problem()
    {
        var data = SyntheticData.SeparableBinary(2000);

        var outcome = await trainer.TrainAsync(data, TrainingOptions.Default, CancellationToken.None);

        var metrics = outcome.ValidationMetrics;
        Assert.True(metrics.Accuracy > 0.95, $"accuracy was {metrics.Accuracy}");
        Assert.True(metrics.RocAuc > 0.98, $"AUC was {metrics.RocAuc}");
        Assert.True(metrics.F1 > 0.95, $"F1 was {metrics.F1}");
        Assert.Equal(["no", "yes"], outcome.Model!.ClassLabels);
        Assert.Equal("yes", outcome.Model.Predict([2.0, 1.0]).Label);
        Assert.Equal("no", outcome.Model.Predict([-1.0, -0.5]).Label);
    }

    [Fact]
    public async Task Separates_three_gaussian_blobs_with_softmax()
    {
        var data = SyntheticData.ThreeBlobs(rowsPerClass: 300);

        var outcome = await trainer.TrainAsync(data, TrainingOptions.Default, CancellationToken.None);

        Assert.True(outcome.ValidationMetrics.Accuracy > 0.9, $"accuracy was {outcome.ValidationMetrics.Accuracy}");
        Assert.Null(outcome.ValidationMetrics.RocAuc);
        Assert.Equal(3, outcome.Model!.Weights.Count);
        var prediction = outcome.Model.Predict([6.0, 0.2]);
        Assert.Equal("green", prediction.Label);
        Assert.Equal(1.0, prediction.Probabilities.Sum(), 12);
        Assert.Equal(180, outcome.ValidationRows);
    }

    [Fact]
    public async Task The_same_seed_gives_identical_weights_and_metrics()
    {
        var data = SyntheticData.ThreeBlobs(rowsPerClass: 200);
        var options = TrainingOptions.Default with { Seed = 7 };

        var first = await trainer.TrainAsync(data, options, CancellationToken.None);
        var second = await trainer.TrainAsync(data, options, CancellationToken.None);

        Assert.Equal(first.Artifact.Bytes, second.Artifact.Bytes);
        Assert.Equal(first.ValidationMetrics, second.ValidationMetrics);
        Assert.Equal(first.EpochsRun, second.EpochsRun);
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_split_and_model()
    {
        var data = SyntheticData.SeparableBinary(500);

        var first = await trainer.TrainAsync(data, TrainingOptions.Default with { Seed = 1 }, CancellationToken.None);
        var second = await trainer.TrainAsync(data, TrainingOptions.Default with { Seed = 2 }, CancellationToken.None);

        Assert.NotEqual(DataSplit.Create(data, 0.2, 1).ValidationIndices, DataSplit.Create(data, 0.2, 2).ValidationIndices);
        Assert.NotEqual(first.Model!.Standardizer.Means, second.Model!.Standardizer.Means);
        Assert.NotEqual(first.Model.Weights[0], second.Model.Weights[0]);
    }

    [Fact]
    public async Task Early_stopping_ends_training_when_validation_loss_stops_improving()
    {
        var data = SyntheticData.PureNoiseBinary(2000);
        var options = TrainingOptions.Default with { MaxEpochs = 200, EarlyStoppingPatience = 3 };

        var outcome = await trainer.TrainAsync(data, options, CancellationToken.None);

        Assert.True(outcome.StoppedEarly);
        Assert.True(outcome.EpochsRun < 200, $"ran {outcome.EpochsRun} epochs");
        Assert.Equal(TrainingStopReason.EarlyStopping, outcome.StopReason);
    }

    [Fact]
    public async Task Without_early_stopping_pressure_it_runs_to_max_epochs()
    {
        var data = SyntheticData.SeparableBinary(300);
        var options = TrainingOptions.Default with { MaxEpochs = 4, EarlyStoppingPatience = 10 };

        var outcome = await trainer.TrainAsync(data, options, CancellationToken.None);

        Assert.Equal(4, outcome.EpochsRun);
        Assert.Equal(TrainingStopReason.MaxEpochsReached, outcome.StopReason);
    }

    [Fact]
    public async Task The_standardizer_is_fitted_on_the_training_split_only()
    {
        var data = SyntheticData.SeparableBinary(400);
        var split = DataSplit.Create(data, 0.2, seed: 42);

        var outcome = await trainer.TrainAsync(data, TrainingOptions.Default, CancellationToken.None);

        var trainMean = split.TrainIndices.Average(r => data.GetFeatures(r)[0]);
        var allMean = Enumerable.Range(0, data.RowCount).Average(r => data.GetFeatures(r)[0]);
        Assert.Equal(trainMean, outcome.Model!.Standardizer.Means[0], 12);
        Assert.NotEqual(allMean, outcome.Model.Standardizer.Means[0], 12);
    }

    [Fact]
    public async Task Cancellation_stops_a_long_training_run()
    {
        var data = SyntheticData.PureNoiseBinary(20_000);
        var options = TrainingOptions.Default with { MaxEpochs = 1_000_000, EarlyStoppingPatience = 1_000_000, BatchSize = 1 };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => trainer.TrainAsync(data, options, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_time_budget_stops_training_and_returns_the_best_model_so_far()
    {
        var data = SyntheticData.SeparableBinary(5000);
        var options = TrainingOptions.Default with { MaxEpochs = 1_000_000, EarlyStoppingPatience = 1_000_000, BatchSize = 1, TimeBudget = TimeSpan.FromMilliseconds(300) };

        var outcome = await trainer.TrainAsync(data, options, CancellationToken.None);

        Assert.Equal(TrainingStopReason.TimeBudgetExhausted, outcome.StopReason);
        Assert.True(outcome.Duration < TimeSpan.FromSeconds(5), $"took {outcome.Duration}");
        Assert.True(outcome.EpochsRun >= 1);
        Assert.NotNull(outcome.Model);
        Assert.NotNull(outcome.ValidationMetrics.Accuracy);
    }

    [Fact]
    public async Task A_single_class_is_rejected()
    {
        var data = TabularDataset.ForClassification(["x"], [[1.0], [2.0]], ["a", "a"]);

        await Assert.ThrowsAsync<ArgumentException>(() => trainer.TrainAsync(data, TrainingOptions.Default, CancellationToken.None));
    }
}
