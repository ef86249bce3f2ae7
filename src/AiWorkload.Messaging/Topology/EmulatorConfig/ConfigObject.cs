using System.Text.Json;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// One JSON object of a Config.json, read strictly: unknown or repeated property names and wrongly typed values are
/// errors located by file name and JSON path, because a silently ignored typo would leave an entity on defaults.
/// </summary>
internal sealed class ConfigObject
{
    private readonly Dictionary<string, JsonElement> properties = new(StringComparer.Ordinal);

    private ConfigObject(string source, string path)
    {
        Source = source;
        Path = path;
    }

    public string Source { get; }

    public string Path { get; }

    public IEnumerable<KeyValuePair<string, JsonElement>> Properties => properties;

    /// <summary>Opens <paramref name="element"/>; with <paramref name="allowed"/> null any property name is accepted.</summary>
    public static ConfigObject Open(JsonElement element, string source, string path, IReadOnlyCollection<string>? allowed)
    {
        var result = new ConfigObject(source, path);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw result.Error(path, $"expected an object but found {Describe(element)}");
        }

        foreach (var property in element.EnumerateObject())
        {
            var at = JsonPath.Property(path, property.Name);
            if (allowed is not null && !allowed.Contains(property.Name))
            {
                throw result.Error(at, PropertyNameSuggestion.UnknownProperty(property.Name, allowed));
            }

            if (!result.properties.TryAdd(property.Name, property.Value))
            {
                throw result.Error(at, $"property '{property.Name}' appears twice");
            }
        }

        return result;
    }

    public TopologyException Error(string path, string reason) => new($"{Source} {path}", reason);

    public string PathOf(string name) => JsonPath.Property(Path, name);

    public bool Has(string name) => properties.ContainsKey(name);

    public string? GetString(string name, bool required = false) =>
        Get(name, required, JsonValueKind.String, "a string") is { } value ? value.GetString() : null;

    public bool? GetBoolean(string name)
    {
        if (!properties.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Error(PathOf(name), $"expected a boolean but found {Describe(value)}");
    }

    public int? GetInt32(string name)
    {
        if (Get(name, required: false, JsonValueKind.Number, "an integer") is not { } value)
        {
            return null;
        }

        return value.TryGetInt32(out var number)
            ? number
            : throw Error(PathOf(name), $"expected a 32-bit integer but found {value.GetRawText()}");
    }

    public TimeSpan? GetDuration(string name)
    {
        var text = GetString(name);
        if (text is null)
        {
            return null;
        }

        return IsoDuration.TryParse(text, out var duration)
            ? duration
            : throw Error(PathOf(name), $"'{text}' is not an ISO 8601 duration");
    }

    /// <summary>The nested object, or an empty one when it is absent and not required, so callers fall back to defaults.</summary>
    public ConfigObject GetObject(string name, IReadOnlyCollection<string>? allowed, bool required = false)
    {
        var path = PathOf(name);
        return Get(name, required, JsonValueKind.Object, "an object") is { } value
            ? Open(value, Source, path, allowed)
            : new ConfigObject(Source, path);
    }

    public IReadOnlyList<ConfigObject> GetArray(string name, IReadOnlyCollection<string> itemProperties, bool required = false)
    {
        if (Get(name, required, JsonValueKind.Array, "an array") is not { } value)
        {
            return [];
        }

        var path = PathOf(name);
        return value.EnumerateArray()
            .Select((item, index) => Open(item, Source, JsonPath.Index(path, index), itemProperties))
            .ToList();
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private JsonElement? Get(string name, bool required, JsonValueKind kind, string expected)
    {
        if (!properties.TryGetValue(name, out var value))
        {
            return required ? throw Error(Path, $"missing required property '{name}'") : null;
        }

        return value.ValueKind == kind ? value : throw Error(PathOf(name), $"expected {expected} but found {Describe(value)}");
    }
}
