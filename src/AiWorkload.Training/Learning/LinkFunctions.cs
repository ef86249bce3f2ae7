namespace AiWorkload.Training.Learning;

/// <summary>Numerically stable output functions shared by training and inference, so both agree to the last bit.</summary>
internal static class LinkFunctions
{
    public static double Sigmoid(double score) =>
        score >= 0 ? 1 / (1 + Math.Exp(-score)) : Math.Exp(score) / (1 + Math.Exp(score));

    /// <summary>−log σ(score) for a positive label, −log(1 − σ(score)) for a negative one, without overflow.</summary>
    public static double BinaryLogLoss(double score, bool positive)
    {
        var softplus = Math.Max(score, 0) + Math.Log(1 + Math.Exp(-Math.Abs(score)));
        return positive ? softplus - score : softplus;
    }

    /// <summary>Turns scores into probabilities in place; shifting by the maximum keeps Exp from overflowing.</summary>
    public static void SoftmaxInPlace(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var score in scores)
        {
            max = Math.Max(max, score);
        }

        double sum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }
    }

    /// <summary>First index of the maximum, so ties resolve to the lower class index deterministically.</summary>
    public static int ArgMax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
