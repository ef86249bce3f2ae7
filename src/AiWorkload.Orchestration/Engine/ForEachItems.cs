using System.Text.Json;
using AiWorkload.Orchestration.Templates;

namespace AiWorkload.Orchestration.Engine;

/// <summary>A ForEach's items: a JSON array (strings unquoted, objects kept as JSON for <c>${item.FIELD}</c>) or a comma-separated list.</summary>
internal static class ForEachItems
{
    public static IReadOnlyList<string> Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                return [.. document.RootElement.EnumerateArray().Select(e => JsonFields.AsText(e) ?? string.Empty)];
            }
            catch (JsonException)
            {
                // Not JSON after all: read it as a plain list.
            }
        }

        return [.. trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}
