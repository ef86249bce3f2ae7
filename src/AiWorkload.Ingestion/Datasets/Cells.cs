using System.Globalization;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Ingestion.Http;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>Cell values as the catalog stores them: finite invariant-culture numbers, and labels as trimmed text.</summary>
internal static class Cells
{
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

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

        if (TryParseNumber(trimmed, out var number))
        {
            return NumberText(number);
        }

        errors.Add(field, $"{where}: the label '{Shorten(trimmed)}' is not a number, and this dataset's label is numeric.");
        return null;
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static string DescribeColumns(DatasetDefinition schema) =>
        $"its columns are {string.Join(", ", schema.Features)} and the label {schema.Label}";
}
