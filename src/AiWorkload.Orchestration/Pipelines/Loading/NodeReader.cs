using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>
/// Reads a JSON tree (from JSON, YAML or configuration) into typed values, recording each problem with its path instead
/// of stopping at the first. Property names match case-insensitively, as configuration keys do; YAML and configuration
/// give every scalar as a string, so numbers and booleans are accepted in either form.
/// </summary>
internal sealed class NodeReader(string source, List<PipelineError> errors)
{
    public void Error(string path, string message) => errors.Add(new PipelineError(source, path, message));

    public JsonObject? Object(JsonNode? node, string path)
    {
        if (node is JsonObject value)
        {
            return value;
        }

        Error(path, $"must be an object, not {Describe(node)}");
        return null;
    }

    /// <summary>Reports properties that are not in <paramref name="known"/>, suggesting the nearest known name.</summary>
    public void OnlyKnown(JsonObject obj, string path, params string[] known)
    {
        foreach (var (name, _) in obj)
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var nearest = known.MinBy(k => Distance(k.ToUpperInvariant(), name.ToUpperInvariant()))!;
                var hint = Distance(nearest.ToUpperInvariant(), name.ToUpperInvariant()) <= 3 ? $" (did you mean '{nearest}'?)" : string.Empty;
                Error($"{path}.{name}", $"unknown property{hint}; known properties are {string.Join(", ", known)}");
            }
        }
    }

    public static JsonNode? Get(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? String(JsonObject obj, string name, string path, bool required = false)
    {
        var node = Get(obj, name);
        if (node is null)
        {
            if (required)
            {
                Error($"{path}.{name}", "is required");
            }

            return null;
        }

        if (Scalar(node) is { } text)
        {
            return text;
        }

        Error($"{path}.{name}", $"must be a string, not {Describe(node)}");
        return null;
    }

    public int? Int(JsonObject obj, string name, string path, int min, int max)
    {
        if (String(obj, name, path) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error($"{path}.{name}", $"'{text}' must be a whole number from {min} to {max}");
        return null;
    }

    public double? Double(JsonObject obj, string name, string path, double min)
    {
        if (String(obj, name, path) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        Error($"{path}.{name}", $"'{text}' must be a number of at least {min.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    public TimeSpan? Duration(JsonObject obj, string name, string path, bool allowZero = false)
    {
        if (String(obj, name, path) is not { } text)
        {
            return null;
        }

        if (DurationParser.TryParse(text, out var value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)))
        {
            return value;
        }

        Error($"{path}.{name}", $"'{text}' is not a {(allowZero ? "non-negative" : "positive")} duration: {DurationParser.Formats}");
        return null;
    }

    public IReadOnlyList<string> StringList(JsonObject obj, string name, string path)
    {
        var node = Get(obj, name);
        if (node is null)
        {
            return [];
        }

        if (Scalar(node) is { } single)
        {
            return [single];
        }

        if (node is not JsonArray array)
        {
            Error($"{path}.{name}", $"must be a list of strings, not {Describe(node)}");
            return [];
        }

        var items = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (Scalar(array[i]) is { } text)
            {
                items.Add(text);
            }
            else
            {
                Error($"{path}.{name}[{i}]", $"must be a string, not {Describe(array[i])}");
            }
        }

        return items;
    }

    public Dictionary<string, string> StringMap(JsonObject obj, string name, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = Get(obj, name);
        if (node is null)
        {
            return map;
        }

        if (Object(node, $"{path}.{name}") is not { } values)
        {
            return map;
        }

        foreach (var (key, value) in values)
        {
            if (Scalar(value) is { } text)
            {
                map[key] = text;
            }
            else
            {
                Error($"{path}.{name}.{key}", $"must be a string, number or boolean, not {Describe(value)}");
            }
        }

        return map;
    }

    public static string? Scalar(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => $"the string '{value.GetValue<string>()}'",
            JsonValueKind.Number => $"the number {value.ToJsonString()}",
            _ => value.ToJsonString(),
        },
        _ => node.GetValueKind().ToString(),
    };

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
