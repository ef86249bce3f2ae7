using System.Globalization;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Per-feature z-scoring. It is fitted on the training split only, so validation metrics are not flattered by
/// statistics of rows the model was not meant to see, and the same transform is stored with the model for inference.
/// </summary>
public sealed class Standardizer
{
    // Below this a feature is treated as constant: dividing by a rounding-error std would blow noise up to unit scale.
    private const double ConstantFeatureTolerance = 1e-12;

    private readonly double[] means;
    private readonly double[] scales;

    public Standardizer(IReadOnlyList<double> means, IReadOnlyList<double> scales)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(scales);
        if (means.Count != scales.Count || means.Count == 0)
        {
            throw new ArgumentException($"Means ({means.Count}) and scales ({scales.Count}) must have the same, non-zero length.", nameof(scales));
        }

        if (means.Any(m => !double.IsFinite(m)) || scales.Any(s => !double.IsFinite(s) || s <= 0))
        {
            throw new ArgumentException("Means must be finite and scales finite and positive.", nameof(scales));
        }

        this.means = [.. means];
        this.scales = [.. scales];
    }

    public IReadOnlyList<double> Means => means;

    /// <summary>Population standard deviations, with 1 standing in for constant features.</summary>
    public IReadOnlyList<double> Scales => scales;

    public int FeatureCount => means.Length;

    public static Standardizer Fit(TabularDataset data, IReadOnlyList<int> rowIndices)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rowIndices);
        if (rowIndices.Count == 0)
        {
            throw new ArgumentException("Cannot fit a standardizer on zero rows.", nameof(rowIndices));
        }

        var (mean, std) = Moments(data, rowIndices, divisors: null);
        if (mean.Any(m => !double.IsFinite(m)) || std.Any(v => !double.IsFinite(v)))
        {
            // Values near double's limits overflow the sums (the square of 1e160 already does). Computing on each feature
            // divided by its largest magnitude keeps every sum finite: the scaled mean and deviation are at most 1, so
            // multiplying back by that magnitude cannot overflow either.
            var peak = PeakMagnitudes(data, rowIndices);
            (mean, std) = Moments(data, rowIndices, peak);
            for (var f = 0; f < mean.Length; f++)
            {
                mean[f] *= peak[f];
                std[f] *= peak[f];
            }
        }

        var scale = new double[mean.Length];
        for (var f = 0; f < mean.Length; f++)
        {
            scale[f] = std[f] > ConstantFeatureTolerance * Math.Max(1, Math.Abs(mean[f])) ? std[f] : 1;
        }

        return new Standardizer(mean, scale);
    }

    /// <summary>Means and population deviations, of each feature divided by its divisor when given.</summary>
    private static (double[] Mean, double[] Std) Moments(TabularDataset data, IReadOnlyList<int> rowIndices, double[]? divisors)
    {
        var d = data.FeatureCount;
        var mean = new double[d];
        foreach (var row in rowIndices)
        {
            var features = data.GetFeatures(row);
            for (var f = 0; f < d; f++)
            {
                mean[f] += Scaled(features[f], divisors, f);
            }
        }

        for (var f = 0; f < d; f++)
        {
            mean[f] /= rowIndices.Count;
        }

        // A second pass over centred values avoids the cancellation of the sum-of-squares shortcut.
        var variance = new double[d];
        foreach (var row in rowIndices)
        {
            var features = data.GetFeatures(row);
            for (var f = 0; f < d; f++)
            {
                var centred = Scaled(features[f], divisors, f) - mean[f];
                variance[f] += centred * centred;
            }
        }

        var std = new double[d];
        for (var f = 0; f < d; f++)
        {
            std[f] = Math.Sqrt(variance[f] / rowIndices.Count);
        }

        return (mean, std);
    }

    private static double Scaled(double value, double[]? divisors, int feature) =>
        divisors is null || divisors[feature] == 0 ? value : value / divisors[feature];

    private static double[] PeakMagnitudes(TabularDataset data, IReadOnlyList<int> rowIndices)
    {
        var peak = new double[data.FeatureCount];
        foreach (var row in rowIndices)
        {
            var features = data.GetFeatures(row);
            for (var f = 0; f < peak.Length; f++)
            {
                peak[f] = Math.Max(peak[f], Math.Abs(features[f]));
            }
        }

        return peak;
    }

    public void Transform(ReadOnlySpan<double> features, Span<double> destination)
    {
        if (features.Length != means.Length || destination.Length < means.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {means.Length} features but got {features.Length}."), nameof(features));
        }

        for (var f = 0; f < means.Length; f++)
        {
            var z = (features[f] - means[f]) / scales[f];

            // The difference of two values of opposite sign near double's limits overflows; divided first, it cannot.
            destination[f] = double.IsFinite(z) || !double.IsFinite(features[f]) ? z : (features[f] / scales[f]) - (means[f] / scales[f]);
        }
    }

    public double[] Transform(ReadOnlySpan<double> features)
    {
        var result = new double[means.Length];
        Transform(features, result);
        return result;
    }
}
