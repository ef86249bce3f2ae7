using System.Globalization;
using System.Text.Json;

namespace AiWorkload.Orchestration.Templates;

/// <summary>Reads a top-level field of a JSON object as text, matching names case-insensitively (bodies are camelCase).</summary>
internal static class JsonFields
{
    public static string? Find(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return AsText(property.Value);
            }
        }

        return null;
    }

    /// <summary>Strings unquoted, numbers and booleans invariant, objects and arrays as raw JSON, null as null.</summary>
    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.TryGetInt64(out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
