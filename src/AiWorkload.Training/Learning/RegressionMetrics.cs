namespace AiWorkload.Training.Learning;

/// <summary>Regression metrics over actual and predicted values.</summary>
public static class RegressionMetrics
{
    public static double Rmse(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        EnsureSameLength(actual.Length, predicted.Length);
        return Math.Sqrt(SumOfSquaredErrors(actual, predicted) / actual.Length);
    }

    public static double Mae(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        EnsureSameLength(actual.Length, predicted.Length);
        double total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            total += Math.Abs(actual[i] - predicted[i]);
        }

        return total / actual.Length;
    }

    /// <summary>
    /// Coefficient of determination, 1 − SSres/SStot. When the actual values are constant SStot is 0 and R² is
    /// undefined; like scikit-learn this reports 1 for a perfect fit and 0 otherwise, keeping the value finite.
    /// </summary>
    public static double R2(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        EnsureSameLength(actual.Length, predicted.Length);
        double mean = 0;
        foreach (var value in actual)
        {
            mean += value;
        }

        mean /= actual.Length;
        double totalSquares = 0;
        foreach (var value in actual)
        {
            totalSquares += (value - mean) * (value - mean);
        }

        var residualSquares = SumOfSquaredErrors(actual, predicted);
        if (totalSquares == 0)
        {
            return residualSquares == 0 ? 1 : 0;
        }

        return 1 - (residualSquares / totalSquares);
    }

    public static ModelMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted) => new()
    {
        Task = ModelTask.Regression,
        EvaluatedRows = actual.Length,
        Rmse = Rmse(actual, predicted),
        Mae = Mae(actual, predicted),
        R2 = R2(actual, predicted),
    };

    private static double SumOfSquaredErrors(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        double total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var error = actual[i] - predicted[i];
            total += error * error;
        }

        return total;
    }

    private static void EnsureSameLength(int actual, int predicted)
    {
        if (actual != predicted)
        {
            throw new ArgumentException($"Got {actual} actual values but {predicted} predictions.");
        }

        if (actual == 0)
        {
            throw new ArgumentException("Metrics need at least one row.");
        }
    }
}
