namespace AiWorkload.Training.Learning;

/// <summary>Classification metrics over class indices and predicted probabilities.</summary>
public static class ClassificationMetrics
{
    // Probabilities are clipped here so one confident mistake costs ~34.5 nats instead of infinity.
    private const double ProbabilityFloor = 1e-15;

    public static double Accuracy(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted)
    {
        EnsureSameLength(actual.Length, predicted.Length);
        var correct = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            correct += actual[i] == predicted[i] ? 1 : 0;
        }

        return (double)correct / actual.Length;
    }

    /// <summary>
    /// Binary (<paramref name="classCount"/> 2): F1 of the positive class, index 1. Multiclass: the unweighted mean
    /// of per-class F1 over the classes that occur in either list. An undefined F1 (no positives at all) counts as 0.
    /// </summary>
    public static double F1(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount)
    {
        EnsureSameLength(actual.Length, predicted.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var truePositives = new int[classCount];
        var predictedCounts = new int[classCount];
        var actualCounts = new int[classCount];
        for (var i = 0; i < actual.Length; i++)
        {
            actualCounts[actual[i]]++;
            predictedCounts[predicted[i]]++;
            truePositives[actual[i]] += actual[i] == predicted[i] ? 1 : 0;
        }

        double ClassF1(int c)
        {
            var denominator = actualCounts[c] + predictedCounts[c];
            return denominator == 0 ? 0 : 2.0 * truePositives[c] / denominator;
        }

        if (classCount == 2)
        {
            return ClassF1(1);
        }

        var present = Enumerable.Range(0, classCount).Where(c => actualCounts[c] + predictedCounts[c] > 0).ToList();
        return present.Average(ClassF1);
    }

    /// <summary>
    /// Area under the ROC curve via the Mann–Whitney rank statistic: tied scores share their average rank, so a
    /// tie between a positive and a negative counts half. Null when either class is absent (AUC is undefined).
    /// </summary>
    public static double? RocAuc(ReadOnlySpan<bool> isPositive, ReadOnlySpan<double> scores)
    {
        EnsureSameLength(isPositive.Length, scores.Length);
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var sortedScores = scores.ToArray();
        Array.Sort(sortedScores, order);

        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && sortedScores[end + 1] == sortedScores[start])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (isPositive[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Mean negative log-probability of the actual class.</summary>
    public static double LogLoss(ReadOnlySpan<int> actual, IReadOnlyList<IReadOnlyList<double>> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        EnsureSameLength(actual.Length, probabilities.Count);
        double total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            total -= Math.Log(Math.Clamp(probabilities[i][actual[i]], ProbabilityFloor, 1));
        }

        return total / actual.Length;
    }

    /// <summary>All classification metrics; the predicted class is the most probable one (lowest index on ties).</summary>
    public static ModelMetrics Compute(ReadOnlySpan<int> actual, IReadOnlyList<IReadOnlyList<double>> probabilities, int classCount)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        EnsureSameLength(actual.Length, probabilities.Count);
        var predicted = new int[actual.Length];
        for (var i = 0; i < predicted.Length; i++)
        {
            predicted[i] = LinkFunctions.ArgMax(probabilities[i]);
        }

        double? auc = null;
        if (classCount == 2)
        {
            var isPositive = new bool[actual.Length];
            var scores = new double[actual.Length];
            for (var i = 0; i < actual.Length; i++)
            {
                isPositive[i] = actual[i] == 1;
                scores[i] = probabilities[i][1];
            }

            auc = RocAuc(isPositive, scores);
        }

        return new ModelMetrics
        {
            Task = ModelTask.Classification,
            EvaluatedRows = actual.Length,
            Accuracy = Accuracy(actual, predicted),
            F1 = F1(actual, predicted, classCount),
            RocAuc = auc,
            LogLoss = LogLoss(actual, probabilities),
        };
    }

    private static void EnsureSameLength(int actual, int other)
    {
        if (actual != other)
        {
            throw new ArgumentException($"Got {actual} actual labels but {other} predictions.");
        }

        if (actual == 0)
        {
            throw new ArgumentException("Metrics need at least one row.");
        }
    }
}
