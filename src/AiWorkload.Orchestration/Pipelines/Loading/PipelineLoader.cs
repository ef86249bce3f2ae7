using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>
/// Reads pipelines from JSON, YAML or configuration. A document is one pipeline object, a list of them, or an object with
/// a <c>pipelines</c> list. Structural problems (unknown property, wrong type, bad duration) are collected with their
/// paths and thrown together; semantic checks (activity types, dependencies, cycles, templates) follow in
/// <see cref="PipelineValidator"/>.
/// </summary>
public static class PipelineLoader
{
    /// <summary>By extension: <c>.yaml</c>/<c>.yml</c> as YAML, anything else as JSON.</summary>
    public static IReadOnlyList<LoadedPipeline> LoadFile(string path)
    {
        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? LoadYaml(text, path)
            : LoadJson(text, path);
    }

    public static IReadOnlyList<LoadedPipeline> LoadJson(string json, string source = "json")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new PipelineDefinitionException([new PipelineError(source, "$", $"is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}): {error.Message}")]);
        }

        return Load(root, source);
    }

    public static IReadOnlyList<LoadedPipeline> LoadYaml(string yaml, string source = "yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<PipelineError>();
        var root = YamlTree.Parse(yaml, source, errors);
        return errors.Count > 0 ? throw new PipelineDefinitionException(errors) : Load(root, source);
    }

    /// <summary>A configuration section holding a list of pipelines (for example <c>Orchestration:Pipelines</c>).</summary>
    public static IReadOnlyList<LoadedPipeline> LoadConfiguration(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Exists() ? Load(ConfigurationTree.From(section), $"configuration '{section.Path}'") : [];
    }

    private static List<LoadedPipeline> Load(JsonNode? root, string source)
    {
        var errors = new List<PipelineError>();
        var reader = new NodeReader(source, errors);
        var pipelines = new List<LoadedPipeline>();
        foreach (var (node, path) in PipelineNodes(root, reader))
        {
            if (PipelineMapper.Pipeline(node, path, reader) is { } pipeline)
            {
                pipelines.Add(new LoadedPipeline(pipeline, source, path));
            }
        }

        return errors.Count > 0 ? throw new PipelineDefinitionException(errors) : pipelines;
    }

    private static IEnumerable<(JsonNode? Node, string Path)> PipelineNodes(JsonNode? root, NodeReader reader)
    {
        var (list, path) = root switch
        {
            JsonArray array => (array, "$"),
            JsonObject obj when NodeReader.Get(obj, "pipelines") is { } inner => (inner as JsonArray, "$.pipelines"),
            JsonObject obj => (new JsonArray(obj.DeepClone()), null),
            _ => (null, "$"),
        };
        if (path is null)
        {
            return [(list![0], "$")];
        }

        if (list is null)
        {
            reader.Error(path, "must be a pipeline object, a list of pipelines, or an object with a 'pipelines' list");
            return [];
        }

        if (root is JsonObject wrapper)
        {
            reader.OnlyKnown(wrapper, "$", "pipelines");
        }

        return list.Select((node, i) => (node, $"{path}[{i}]"));
    }
}
