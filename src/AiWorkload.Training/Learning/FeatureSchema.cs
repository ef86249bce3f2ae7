namespace AiWorkload.Training.Learning;

/// <summary>Checks on feature name lists shared by datasets and models.</summary>
internal static class FeatureSchema
{
    public static string[] ValidateNames(IReadOnlyList<string> featureNames, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(featureNames, parameterName);
        if (featureNames.Count == 0)
        {
            throw new ArgumentException("At least one feature is required.", parameterName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in featureNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Feature names must not be empty.", parameterName);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Feature '{name}' appears more than once.", parameterName);
            }
        }

        return [.. featureNames];
    }

    public static bool SameNames(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        expected.SequenceEqual(actual, StringComparer.Ordinal);

    public static string DescribeMismatch(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected, StringComparer.Ordinal).ToList();
        var detail = missing.Count == 0 && unexpected.Count == 0
            ? "same names in a different order"
            : $"missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]";
        return $"Feature schema mismatch: the model expects {expected.Count} features [{string.Join(", ", expected)}] " +
            $"but got {actual.Count} [{string.Join(", ", actual)}] ({detail}).";
    }
}
