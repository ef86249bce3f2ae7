using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>
/// A configuration section as a JSON tree: sections whose keys are 0..n-1 become lists, as the binder reads them. Pipelines
/// in appsettings.json or environment variables then get the same reader and errors as pipeline files.
/// </summary>
internal static class ConfigurationTree
{
    public static JsonNode? From(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section.Value is null ? null : JsonValue.Create(section.Value);
        }

        var indexes = children.Select(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).ToList();
        if (indexes.All(i => i >= 0) && indexes.Order().SequenceEqual(Enumerable.Range(0, children.Count)))
        {
            var array = new JsonArray();
            foreach (var child in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                array.Add(From(child));
            }

            return array;
        }

        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Key] = From(child);
        }

        return obj;
    }
}
