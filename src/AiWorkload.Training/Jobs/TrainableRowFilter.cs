using System.Globalization;
using AiWorkload.Catalog.Datasets;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Leaves out the rows of a snapshot that no trainer can use: a feature, or a regression target, that is not a number
/// within <see cref="TrainableRange"/>. Ingestion refuses such values, but rows stored before it did (or written by
/// another path) would otherwise make every job on the dataset fail for good; excluding them, and saying so in the
/// outcome, keeps the model trainable while the data is corrected.
/// </summary>
internal static class TrainableRowFilter
{
    public static (IReadOnlyList<DatasetRow> Rows, ExcludedRows? Excluded) Apply(IReadOnlyList<DatasetRow> rows, bool numericTarget)
    {
        // Copy only once a row is excluded: the usual snapshot is clean and large.
        List<DatasetRow>? kept = null;
        var excluded = 0;
        var first = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            if (IsTrainable(rows[i], numericTarget))
            {
                kept?.Add(rows[i]);
                continue;
            }

            if (kept is null)
            {
                kept = new List<DatasetRow>(rows.Count);
                kept.AddRange(rows.Take(i));
                first = i;
            }

            excluded++;
        }

        if (kept is null)
        {
            return (rows, null);
        }

        var what = numericTarget ? "a feature or the label" : "a feature";
        return (kept, new ExcludedRows(excluded, first, $"{what} is not one of the {TrainableRange.Describe()} training accepts"));
    }

    public static bool TryParseTarget(string label, out double value) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && TrainableRange.Contains(value);

    private static bool IsTrainable(DatasetRow row, bool numericTarget)
    {
        foreach (var feature in row.Features)
        {
            // NaN fails the comparison too.
            if (!TrainableRange.Contains(feature))
            {
                return false;
            }
        }

        return !numericTarget || TryParseTarget(row.Label, out _);
    }
}
