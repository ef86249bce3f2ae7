using System.Globalization;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Gives class labels an order that does not depend on row order, so the same data always maps to the same
/// class indices (and, for binary tasks, the same positive class: the second one, e.g. "1", "true" or "yes").
/// </summary>
internal static class ClassLabelOrder
{
    /// <summary>Numeric labels sort by value ("2" before "10"); anything else sorts ordinally.</summary>
    public static string[] Natural(IEnumerable<string> labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToArray();
        var numbers = new double[distinct.Length];
        var allNumeric = true;
        for (var i = 0; i < distinct.Length && allNumeric; i++)
        {
            allNumeric = double.TryParse(distinct[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i]);
        }

        return allNumeric
            ? distinct.Zip(numbers).OrderBy(pair => pair.Second).ThenBy(pair => pair.First, StringComparer.Ordinal).Select(pair => pair.First).ToArray()
            : distinct.Order(StringComparer.Ordinal).ToArray();
    }
}
