using System.Text.Json;

namespace AiWorkload.Training.Inference;

/// <summary>
/// Checks a request's features against the model's schema and collects every problem by feature, so one 400 names all
/// missing, unexpected and non-numeric features instead of the first.
/// </summary>
internal static class FeatureVector
{
    public static Dictionary<string, string[]> Validate(IReadOnlyDictionary<string, JsonElement>? features, IReadOnlyList<string> schema, out Dictionary<string, double> values)
    {
        values = new Dictionary<string, double>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (features is null)
        {
            errors["features"] = [$"Required: an object of feature names to numbers, with exactly the model's features [{string.Join(", ", schema)}]."];
            return errors;
        }

        foreach (var name in schema.Where(name => !features.ContainsKey(name)))
        {
            errors[$"features.{name}"] = ["Missing: the model expects this feature."];
        }

        foreach (var (name, value) in features)
        {
            if (!schema.Contains(name, StringComparer.Ordinal))
            {
                errors[$"features.{name}"] = [$"Unexpected: the model has no such feature; it expects [{string.Join(", ", schema)}]."];
            }
            else if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                errors[$"features.{name}"] = ["Must be a finite number."];
            }
            else
            {
                values[name] = number;
            }
        }

        return errors;
    }
}
