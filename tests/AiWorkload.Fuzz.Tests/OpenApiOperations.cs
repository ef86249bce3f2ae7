using System.Text.Json;

namespace AiWorkload.Fuzz.Tests;

/// <summary>Every operation the served OpenAPI document lists, so an endpoint added later is fuzzed without a change here.</summary>
public static class OpenApiOperations
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static IReadOnlyList<ApiOperation> Read(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? Parameters(common) : [];
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var own) ? [.. shared, .. Parameters(own)] : shared;
                var media = method.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                    ? content.EnumerateObject().Select(c => c.Name).ToList()
                    : [];
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, media));
            }
        }

        return operations;
    }

    private static List<ApiParameter> Parameters(JsonElement list) =>
        [.. list.EnumerateArray().Select(p => new ApiParameter(
            p.GetProperty("name").GetString()!,
            p.GetProperty("in").GetString()!,
            p.TryGetProperty("schema", out var schema) ? TypeOf(schema) : null))];

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        // OpenAPI 3.1 writes nullable types as ["integer", "null"].
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }
}
