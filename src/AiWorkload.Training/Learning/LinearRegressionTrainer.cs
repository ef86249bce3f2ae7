using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Ridge regression solved in closed form: minimises (1/2n)·‖y − Xw − b‖² + (λ/2)·‖w‖² on standardized features
/// through the normal equations (XᵀX + nλI)w = Xᵀ(y − ȳ). Exact and one pass over the data (O(n·d²)), so there are
/// no epochs, learning rate, early stopping or time-budget checks: the solve is too short to be worth interrupting.
/// </summary>
public sealed class LinearRegressionTrainer : ITrainer
{
    public const string TrainerName = "linear-regression";

    public string Name => TrainerName;

    public bool Supports(ModelTask task) => task == ModelTask.Regression;

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
        var features = DesignMatrix.Build(data, split.TrainIndices, standardizer);
        cancellationToken.ThrowIfCancellationRequested();

        var targets = Vector<double>.Build.Dense(split.TrainIndices.Count, i => data.GetTarget(split.TrainIndices[i]));
        var intercept = targets.Average();
        var gram = features.TransposeThisAndMultiply(features);
        var n = split.TrainIndices.Count;
        for (var f = 0; f < gram.RowCount; f++)
        {
            gram[f, f] += n * options.L2;
        }

        var rightHandSide = features.TransposeThisAndMultiply(targets - intercept);
        cancellationToken.ThrowIfCancellationRequested();

        // With λ > 0 the system is positive definite and Cholesky is exact and cheap; without a penalty a constant
        // or collinear feature makes it singular, and the pseudo-inverse picks the minimum-norm solution instead.
        var weights = options.L2 > 0 ? gram.Cholesky().Solve(rightHandSide) : gram.PseudoInverse() * rightHandSide;

        var model = new TrainedModel(
            ModelTask.Regression,
            TrainerName,
            data.FeatureNames,
            data.LabelName,
            [],
            standardizer,
            [weights.ToArray()],
            [intercept]);
        var metrics = model.Evaluate(data, split.ValidationIndices);
        return new TrainingOutcome(
            TrainerName,
            ModelTask.Regression,
            model.ToArtifact(),
            metrics,
            split.TrainIndices.Count,
            split.ValidationIndices.Count,
            EpochsRun: 1,
            TrainingStopReason.ClosedFormSolution,
            clock.Elapsed)
        {
            Model = model,
        };
    }
}
