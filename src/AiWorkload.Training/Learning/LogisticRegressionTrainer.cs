using System.Diagnostics;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Logistic regression: sigmoid for two classes, softmax for more, trained by seeded mini-batch gradient descent
/// with L2 and early stopping on validation loss (see <see cref="TrainingOptions"/>). The same seed and data give
/// the same weights bit for bit.
/// </summary>
public sealed class LogisticRegressionTrainer : ITrainer
{
    public const string TrainerName = "logistic-regression";

    public string Name => TrainerName;

    public bool Supports(ModelTask task) => task == ModelTask.Classification;

    public Task<TrainingOutcome> TrainAsync(TabularDataset data, TrainingOptions options, CancellationToken cancellationToken)
    {
        TrainerInput.Validate(this, data, options);
        return DedicatedThread.Run(() => Train(data, options, cancellationToken), cancellationToken);
    }

    private static TrainingOutcome Train(TabularDataset data, TrainingOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var split = DataSplit.Create(data, options.ValidationFraction, options.Seed);
        var standardizer = Standardizer.Fit(data, split.TrainIndices);
        var descent = new LogisticGradientDescent(
            DesignMatrix.BuildRowMajor(data, split.TrainIndices, standardizer),
            [.. split.TrainIndices.Select(data.GetClassIndex)],
            DesignMatrix.Build(data, split.ValidationIndices, standardizer),
            [.. split.ValidationIndices.Select(data.GetClassIndex)],
            data.ClassLabels.Count,
            options);
        var fit = descent.Run(clock, cancellationToken);

        var model = new TrainedModel(
            ModelTask.Classification,
            TrainerName,
            data.FeatureNames,
            data.LabelName,
            data.ClassLabels,
            standardizer,
            fit.Weights,
            fit.Bias);
        var metrics = model.Evaluate(data, split.ValidationIndices);
        return new TrainingOutcome(
            TrainerName,
            ModelTask.Classification,
            model.ToArtifact(),
            metrics,
            split.TrainIndices.Count,
            split.ValidationIndices.Count,
            fit.EpochsRun,
            fit.StopReason,
            clock.Elapsed)
        {
            Model = model,
        };
    }
}
