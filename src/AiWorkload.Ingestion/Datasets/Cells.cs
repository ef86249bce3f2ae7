using System.Globalization;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Ingestion.Http;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// Cell values as the catalog stores them: invariant-culture numbers within <see cref="TrainableRange"/> (so one extreme
/// value cannot make every later training of the dataset fail), and labels as trimmed text.
/// </summary>
internal static class Cells
{
    public static CellNumber ParseNumber(string text, out double value) =>
        !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || double.IsNaN(value) ? CellNumber.NotANumber
        : TrainableRange.Contains(value) ? CellNumber.Valid
        : CellNumber.OutOfRange;

    public static string OutOfRange(string where, string text, string column) =>
        $"{where}: {Shorten(text)} in column '{column}' is out of range; training accepts {TrainableRange.Describe()}.";

    public static string NumberText(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Checks a label given as text; numeric labels are normalised ("1.50" and "1.5" are the same target).</summary>
    public static string? Label(string? text, LabelKind kind, string field, string where, ErrorList errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, $"{where}: the label is empty.");
            return null;
        }

        if (kind == LabelKind.Categorical)
        {
            if (trimmed.Length > 200)
            {
                errors.Add(field, $"{where}: the label is longer than 200 characters.");
                return null;
            }

            return trimmed;
        }

        switch (ParseNumber(trimmed, out var number))
        {
            case CellNumber.Valid:
                return NumberText(number);
            case CellNumber.OutOfRange:
                errors.Add(field, OutOfRange(where, trimmed, field[(field.IndexOf("].", StringComparison.Ordinal) + 2)..]));
                return null;
        }

        errors.Add(field, $"{where}: the label '{Shorten(trimmed)}' is not a number, and this dataset's label is numeric.");
        return null;
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static string DescribeColumns(DatasetDefinition schema) =>
        $"its columns are {string.Join(", ", schema.Features)} and the label {schema.Label}";
}
