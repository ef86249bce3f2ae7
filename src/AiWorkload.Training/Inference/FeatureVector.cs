using System.Text.Json;

namespace AiWorkload.Training.Inference;

/// <summary>
/// Checks a request's features against the model's schema and collects every problem by feature, so one 400 names all
/// missing, unexpected and non-numeric features instead of the first.
/// </summary>
internal static class FeatureVector
{
    /// <param name="values">
    /// The features in <paramref name="schema"/> order, the order <c>TrainedModel.Predict(IReadOnlyList&lt;double&gt;)</c>
    /// takes: a valid request then needs no per-name dictionary, sort or lookup on its way to the model.
    /// </param>
    public static Dictionary<string, string[]> Validate(IReadOnlyDictionary<string, JsonElement>? features, IReadOnlyList<string> schema, out double[] values)
    {
        values = new double[schema.Count];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (features is null)
        {
            errors["features"] = [$"Required: an object of feature names to numbers, with exactly the model's features [{string.Join(", ", schema)}]."];
            return errors;
        }

        for (var i = 0; i < schema.Count; i++)
        {
            if (!features.ContainsKey(schema[i]))
            {
                errors[$"features.{schema[i]}"] = ["Missing: the model expects this feature."];
            }
        }

        foreach (var (name, value) in features)
        {
            var index = IndexOf(schema, name);
            if (index < 0)
            {
                errors[$"features.{name}"] = [$"Unexpected: the model has no such feature; it expects [{string.Join(", ", schema)}]."];
            }
            else if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                errors[$"features.{name}"] = ["Must be a finite number."];
            }
            else
            {
                values[index] = number;
            }
        }

        return errors;
    }

    // A model has a handful of features: a linear scan beats hashing and allocates nothing.
    private static int IndexOf(IReadOnlyList<string> schema, string name)
    {
        for (var i = 0; i < schema.Count; i++)
        {
            if (string.Equals(schema[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
