using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>
/// YAML to the JSON tree the loader reads, so both formats share one reader and one set of error messages. Scalars stay
/// strings (YAML does not type them reliably: <c>no</c> is a country code to some); the reader parses them.
/// </summary>
internal static class YamlTree
{
    public static JsonNode? Parse(string yaml, string source, List<PipelineError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            errors.Add(new PipelineError(source, "$", $"is not valid YAML (line {error.Start.Line}, column {error.Start.Column}): {error.InnerException?.Message ?? error.Message}"));
            return null;
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, "$", source, errors);
    }

    private static JsonNode? Convert(YamlNode node, string path, string source, List<PipelineError> errors)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                    if (obj.ContainsKey(key))
                    {
                        errors.Add(new PipelineError(source, $"{path}.{key}", $"is given twice (line {keyNode.Start.Line})"));
                        continue;
                    }

                    obj[key] = Convert(valueNode, $"{path}.{key}", source, errors);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], $"{path}[{i}]", source, errors));
                }

                return array;
            case YamlScalarNode scalar:
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
                return isNull ? null : JsonValue.Create(scalar.Value);
            default:
                errors.Add(new PipelineError(source, path, "uses a YAML alias, which pipeline files do not support"));
                return null;
        }
    }
}
