using System.Net.Http.Json;
using System.Text.Json;

namespace AiWorkload.Standalone.Tests;

/// <summary>The one OpenAPI document of the whole app describes every response of every operation, errors included.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_declares_a_success_schema_and_its_problems()
    {
        await using var app = new StandaloneApp();
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var missing = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            if (!responses.Any(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _))))
            {
                missing.Add($"{method} {path}: no success response with a schema");
            }

            var problems = responses.Where(r => r.Name[0] is '4' or '5').ToList();
            if (problems.Count == 0 || !problems.All(r => r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _)))
            {
                missing.Add($"{method} {path}: error responses [{string.Join(", ", problems.Select(p => p.Name))}] are not all application/problem+json");
            }

            if (!responses.Any(r => r.Name == "401") || !responses.Any(r => r.Name == "429"))
            {
                missing.Add($"{method} {path}: 401 or 429 undeclared");
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public async Task Paging_is_integer_typed_filters_take_several_values_and_manual_runs_can_queue()
    {
        await using var app = new StandaloneApp();
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        foreach (var list in new[] { "/api/runs", "/api/decisions" })
        {
            var parameters = Parameters(paths.GetProperty(list).GetProperty("get"));
            Assert.Equal("integer", TypeOf(parameters["page"]));
            Assert.Equal("integer", TypeOf(parameters["pageSize"]));
            Assert.Equal("array", TypeOf(parameters["modelId"]));
        }

        Assert.Equal("array", TypeOf(Parameters(paths.GetProperty("/api/runs").GetProperty("get"))["state"]));
        var start = paths.GetProperty("/api/pipelines/{name}/runs").GetProperty("post");
        Assert.Equal("boolean", TypeOf(Parameters(start)["queue"]));
        var queue = start.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "queue");
        Assert.Contains("instead of answering 409", queue.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(Parameters(start).ContainsKey("Idempotency-Key"));
        Assert.True(start.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(start.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);

    private static Dictionary<string, JsonElement> Parameters(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));

    /// <summary>OpenAPI 3.1 writes a nullable type as ["integer", "null"].</summary>
    private static string? TypeOf(JsonElement schema)
    {
        var type = schema.GetProperty("type");
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null") : type.GetString();
    }
}
