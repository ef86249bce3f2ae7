using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra.Double;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Mini-batch gradient descent (Adam steps) on mean cross-entropy plus (λ/2)·‖W‖² for a linear model with a
/// sigmoid head (two classes, one output) or softmax head (one output per class). Each step is two MathNet
/// matrix products — scores = X·W and ∇W = Xᵀ·(P − Y) — over a batch gathered in shuffled order. After every
/// epoch the validation loss decides early stopping, and the best epoch's weights are the ones returned.
/// </summary>
internal sealed class LogisticGradientDescent
{
    private readonly double[] trainFeatures;
    private readonly int[] trainClasses;
    private readonly DenseMatrix validationFeatures;
    private readonly int[] validationClasses;
    private readonly TrainingOptions options;
    private readonly int featureCount;
    private readonly int outputCount;
    private readonly DenseMatrix weights;
    private readonly double[] bias;
    private readonly DenseMatrix weightGradient;
    private readonly double[] biasGradient;
    private readonly DenseMatrix validationScores;
    private readonly double[] classScores;
    private readonly AdamOptimizer weightOptimizer;
    private readonly AdamOptimizer biasOptimizer;

    /// <param name="trainFeatures">Standardized training rows, row-major.</param>
    /// <param name="validationFeatures">Standardized validation rows.</param>
    public LogisticGradientDescent(double[] trainFeatures, int[] trainClasses, DenseMatrix validationFeatures, int[] validationClasses, int classCount, TrainingOptions options)
    {
        this.trainFeatures = trainFeatures;
        this.trainClasses = trainClasses;
        this.validationFeatures = validationFeatures;
        this.validationClasses = validationClasses;
        this.options = options;
        featureCount = validationFeatures.ColumnCount;
        outputCount = classCount == 2 ? 1 : classCount;
        weights = new DenseMatrix(featureCount, outputCount);
        bias = new double[outputCount];
        weightGradient = new DenseMatrix(featureCount, outputCount);
        biasGradient = new double[outputCount];
        validationScores = new DenseMatrix(validationClasses.Length, outputCount);
        classScores = new double[outputCount];
        weightOptimizer = new AdamOptimizer(featureCount * outputCount, options.LearningRate);
        biasOptimizer = new AdamOptimizer(outputCount, options.LearningRate);
    }

    public LinearFit Run(Stopwatch clock, CancellationToken cancellationToken)
    {
        var rowCount = trainClasses.Length;
        var batchSize = Math.Min(options.BatchSize, rowCount);
        var fullBatch = new MiniBatch(batchSize, featureCount, outputCount);
        var lastBatch = rowCount % batchSize == 0 ? fullBatch : new MiniBatch(rowCount % batchSize, featureCount, outputCount);
        var order = Enumerable.Range(0, rowCount).ToArray();
        var random = new Random(options.Seed);
        var monitor = new EarlyStoppingMonitor(options.EarlyStoppingPatience, options.EarlyStoppingMinDelta);
        var best = Snapshot();
        var epochs = 0;
        var stopReason = TrainingStopReason.MaxEpochsReached;
        while (epochs < options.MaxEpochs)
        {
            SeededShuffle.Shuffle(order, random);
            var outOfTime = false;
            for (var start = 0; start < rowCount && !outOfTime; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = start + batchSize <= rowCount ? fullBatch : lastBatch;
                Step(batch, order.AsSpan(start, batch.Size));
                outOfTime = options.TimeBudget is { } budget && clock.Elapsed >= budget;
            }

            epochs++;
            if (monitor.Observe(ValidationLoss()))
            {
                best = Snapshot();
            }

            if (outOfTime)
            {
                stopReason = TrainingStopReason.TimeBudgetExhausted;
                break;
            }

            if (monitor.ShouldStop)
            {
                stopReason = TrainingStopReason.EarlyStopping;
                break;
            }
        }

        return best with { EpochsRun = epochs, StopReason = stopReason };
    }

    private void Step(MiniBatch batch, ReadOnlySpan<int> rows)
    {
        var size = batch.Size;
        var x = batch.Features.Values;
        for (var r = 0; r < size; r++)
        {
            var source = trainFeatures.AsSpan(rows[r] * featureCount, featureCount);
            for (var f = 0; f < featureCount; f++)
            {
                x[(f * size) + r] = source[f];
            }

            batch.Classes[r] = trainClasses[rows[r]];
        }

        batch.Features.Multiply(weights, batch.Scores);
        ScoresToResiduals(batch.Scores.Values, size, batch.Classes);
        batch.Features.TransposeThisAndMultiply(batch.Scores, weightGradient);

        var gradient = weightGradient.Values;
        var w = weights.Values;
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] = (gradient[i] / size) + (options.L2 * w[i]);
        }

        var residuals = batch.Scores.Values;
        for (var o = 0; o < outputCount; o++)
        {
            double sum = 0;
            for (var r = 0; r < size; r++)
            {
                sum += residuals[(o * size) + r];
            }

            biasGradient[o] = sum / size;
        }

        weightOptimizer.Step(w, gradient);
        biasOptimizer.Step(bias, biasGradient);
    }

    /// <summary>Replaces each score with ∂loss/∂score, which for both heads is predicted probability minus the one-hot label.</summary>
    private void ScoresToResiduals(double[] scores, int rows, int[] classes)
    {
        if (outputCount == 1)
        {
            for (var r = 0; r < rows; r++)
            {
                scores[r] = LinkFunctions.Sigmoid(scores[r] + bias[0]) - (classes[r] == 1 ? 1 : 0);
            }

            return;
        }

        for (var r = 0; r < rows; r++)
        {
            for (var o = 0; o < outputCount; o++)
            {
                classScores[o] = scores[(o * rows) + r] + bias[o];
            }

            LinkFunctions.SoftmaxInPlace(classScores);
            for (var o = 0; o < outputCount; o++)
            {
                scores[(o * rows) + r] = classScores[o] - (classes[r] == o ? 1 : 0);
            }
        }
    }

    /// <summary>Mean cross-entropy on the validation rows, computed from scores in log space so it cannot overflow.</summary>
    private double ValidationLoss()
    {
        validationFeatures.Multiply(weights, validationScores);
        var scores = validationScores.Values;
        var rows = validationClasses.Length;
        double total = 0;
        for (var r = 0; r < rows; r++)
        {
            if (outputCount == 1)
            {
                total += LinkFunctions.BinaryLogLoss(scores[r] + bias[0], validationClasses[r] == 1);
                continue;
            }

            var max = double.NegativeInfinity;
            for (var o = 0; o < outputCount; o++)
            {
                max = Math.Max(max, scores[(o * rows) + r] + bias[o]);
            }

            double sumExp = 0;
            for (var o = 0; o < outputCount; o++)
            {
                sumExp += Math.Exp(scores[(o * rows) + r] + bias[o] - max);
            }

            var actual = validationClasses[r];
            total += Math.Log(sumExp) + max - (scores[(actual * rows) + r] + bias[actual]);
        }

        return total / rows;
    }

    /// <summary>A copy of the current parameters; epochs and stop reason are filled in when the run ends.</summary>
    private LinearFit Snapshot()
    {
        var w = weights.Values;
        var perOutput = new double[outputCount][];
        for (var o = 0; o < outputCount; o++)
        {
            perOutput[o] = w.AsSpan(o * featureCount, featureCount).ToArray();
        }

        return new LinearFit(perOutput, [.. bias], EpochsRun: 0, TrainingStopReason.MaxEpochsReached);
    }
}
