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

        var d = data.FeatureCount;
        var mean = new double[d];
        foreach (var row in rowIndices)
        {
            var features = data.GetFeatures(row);
            for (var f = 0; f < d; f++)
            {
                mean[f] += features[f];
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
                var centred = features[f] - mean[f];
                variance[f] += centred * centred;
            }
        }

        var scale = new double[d];
        for (var f = 0; f < d; f++)
        {
            var std = Math.Sqrt(variance[f] / rowIndices.Count);
            scale[f] = std > ConstantFeatureTolerance * Math.Max(1, Math.Abs(mean[f])) ? std : 1;
        }

        return new Standardizer(mean, scale);
    }

    public void Transform(ReadOnlySpan<double> features, Span<double> destination)
    {
        if (features.Length != means.Length || destination.Length < means.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {means.Length} features but got {features.Length}."), nameof(features));
        }

        for (var f = 0; f < means.Length; f++)
        {
            destination[f] = (features[f] - means[f]) / scales[f];
        }
    }

    public double[] Transform(ReadOnlySpan<double> features)
    {
        var result = new double[means.Length];
        Transform(features, result);
        return result;
    }
}
