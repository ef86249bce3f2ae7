namespace AiWorkload.Orchestration.Api;

/// <summary>
/// A filter given as <c>?state=Running,Failed</c>, <c>?state=Running&amp;state=Failed</c> or both: the distinct values,
/// any of which matches. Null when the filter is absent.
/// </summary>
internal static class FilterValues
{
    public const int MaxValues = 20;

    public static IReadOnlyList<string>? Read(string[]? given, string name, Dictionary<string, string[]> errors)
    {
        if (given is null || given.Length == 0)
        {
            return null;
        }

        var values = given.SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => v.Trim()).ToList();
        if (values.Any(v => v.Length == 0))
        {
            errors[name] = ["A filter value is empty; separate values with commas or repeat the parameter."];
            return null;
        }

        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > MaxValues)
        {
            errors[name] = [$"At most {MaxValues} values are accepted."];
            return null;
        }

        return distinct;
    }

    /// <summary>No filter is the single value null: one store query without that condition.</summary>
    public static IEnumerable<string?> OrUnfiltered(IReadOnlyList<string>? values) => values is null ? [null] : values.Select(v => (string?)v);
}
