using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

/// <summary>Seeded datasets whose true structure is known, so tests can check what a trainer recovers.</summary>
internal static class SyntheticData
{
    /// <summary>y = 3·x1 − 2·x2 + 0.5 + noise, with features on different scales and offsets.</summary>
    public static TabularDataset KnownLinear(int rows, double noise, int seed = 1)
    {
        var random = new Random(seed);
        var features = new double[rows][];
        var targets = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var x1 = 10 + (5 * Gaussian(random));
            var x2 = -3 + (0.5 * Gaussian(random));
            features[i] = [x1, x2];
            targets[i] = (3 * x1) - (2 * x2) + 0.5 + (noise * Gaussian(random));
        }

        return TabularDataset.ForRegression(["x1", "x2"], features, targets, "y");
    }

    /// <summary>Two classes split by the line x1 + x2 = 0, with a margin so they are strictly separable.</summary>
    public static TabularDataset SeparableBinary(int rows, int seed = 2)
    {
        var random = new Random(seed);
        var features = new List<double[]>();
        var labels = new List<string>();
        while (features.Count < rows)
        {
            var x1 = Gaussian(random);
            var x2 = Gaussian(random);
            if (Math.Abs(x1 + x2) < 0.2)
            {
                continue;
            }

            features.Add([x1, x2]);
            labels.Add(x1 + x2 > 0 ? "yes" : "no");
        }

        return TabularDataset.ForClassification(["x1", "x2"], features, labels, "buys");
    }

    /// <summary>Three unit-variance Gaussian blobs six standard deviations apart.</summary>
    public static TabularDataset ThreeBlobs(int rowsPerClass, int seed = 3)
    {
        var random = new Random(seed);
        (string Label, double X, double Y)[] centres = [("red", 0, 0), ("green", 6, 0), ("blue", 0, 6)];
        var features = new List<double[]>();
        var labels = new List<string>();
        for (var i = 0; i < rowsPerClass; i++)
        {
            foreach (var (label, x, y) in centres)
            {
                features.Add([x + Gaussian(random), y + Gaussian(random)]);
                labels.Add(label);
            }
        }

        return TabularDataset.ForClassification(["a", "b"], features, labels);
    }

    /// <summary>Labels drawn independently of the features: nothing to learn, so validation loss plateaus at once.</summary>
    public static TabularDataset PureNoiseBinary(int rows, int seed = 4)
    {
        var random = new Random(seed);
        var features = new double[rows][];
        var labels = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            features[i] = [Gaussian(random), Gaussian(random), Gaussian(random)];
            labels[i] = random.NextDouble() < 0.5 ? "0" : "1";
        }

        return TabularDataset.ForClassification(["f1", "f2", "f3"], features, labels);
    }

    public static double Gaussian(Random random)
    {
        // Box–Muller; 1 − NextDouble() avoids Log(0).
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
