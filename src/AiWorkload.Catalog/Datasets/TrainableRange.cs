using System.Globalization;

namespace AiWorkload.Catalog.Datasets;

/// <summary>
/// The values a training row may hold, for features and numeric labels alike: finite and within ±2^53. Squares of such
/// values stay below 1e32, so the sums of squares that standardisation and the metrics accumulate remain finite over any
/// row count a catalog can hold; and 2^53 is where a double stops holding every integer, so a larger value in a batch is
/// already not the number that was sent. Ingestion refuses values outside it; the trainer excludes rows stored before.
/// </summary>
public static class TrainableRange
{
    public const double MaxMagnitude = 9_007_199_254_740_992d;

    public static bool Contains(double value) => Math.Abs(value) <= MaxMagnitude;

    public static string Describe() => string.Create(CultureInfo.InvariantCulture, $"finite numbers within ±{(long)MaxMagnitude} (2^53)");
}
