using System.Net.Http.Headers;
using System.Text;

namespace AiWorkload.Ingestion.Tests;

public sealed class ContractTests
{
    [Theory]
    [InlineData("""{"name": "m", "task": """, "task", "at line 1, position 23")]
    [InlineData("""{"name": "m",, "task": "regression"}""", "body", "',' is an invalid start of a property name")]
    [InlineData("""{"name": 5}""", "name", "has the wrong type for this field")]
    [InlineData("""null""", "body", "not null")]
    [InlineData("", "body", "A JSON body is required")]
    public async Task Malformed_JSON_is_a_400_problem_naming_the_JSON_path(string body, string field, string message)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models", Requests.Json(body)), 400);

        problem.Names(field, message);
    }

    [Fact]
    public async Task Malformed_JSON_records_name_the_line()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Json("{\"records\": [\n{\"tenure_months\": 1,}\n]}")), 400);

        Assert.Contains("line 2", Assert.Single(problem.Errors).Value[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/models", "text/plain", "application/json")]
    [InlineData("/api/models", "text/csv", "application/json")]
    [InlineData("/api/datasets/customers/batches", "application/xml", "application/json or text/csv")]
    [InlineData("/api/datasets/customers/batches", "text/csv; charset=utf-16", "application/json or text/csv")]
    [InlineData("/api/models/customer-churn/metrics", "application/x-www-form-urlencoded", "application/json")]
    public async Task A_wrong_content_type_is_a_415_problem_naming_the_header(string path, string contentType, string expected)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var content = new ByteArrayContent("a=1"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var problem = await Problem.ReadAsync(await client.PostAsync(path, content), 415);

        problem.Names("Content-Type", $"send {expected}");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_with_or_without_Content_Length()
    {
        using var directory = new TemporaryDirectory();
        var settings = IngestionApp.Keys();
        settings["Ingestion:MaxRequestBodyBytes"] = "2048";
        await using var app = await IngestionApp.StartAsync(directory, settings);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var csv = "tenure_months,monthly_charges,support_tickets,churned\n" + string.Concat(Enumerable.Repeat("1,2,3,no\n", 400));

        var sized = await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(csv));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/datasets/customers/batches", UriKind.Relative)) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await client.SendAsync(request);

        (await Problem.ReadAsync(sized, 413)).Names("body", "larger than 2048 bytes");
        (await Problem.ReadAsync(streamed, 413)).Names("body", "larger than 2048 bytes");
        Assert.Equal(0, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints_the_api_key_scheme_and_the_Idempotency_Key()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var anonymous = app.Client(apiKey: null);

        var document = await (await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).ReadJsonAsync(200);

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/models", "/api/models/{modelId}", "/api/models/{modelId}/metrics", "/api/models/{modelId}/retrain", "/api/datasets/{datasetId}/batches" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the document");
        }

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var retrain = paths.GetProperty("/api/models/{modelId}/retrain").GetProperty("post");
        var key = retrain.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(key.GetProperty("required").GetBoolean());
        Assert.True(retrain.GetProperty("responses").TryGetProperty("202", out _));
        var ingest = paths.GetProperty("/api/datasets/{datasetId}/batches").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(ingest.TryGetProperty("text/csv", out _));
        Assert.True(ingest.TryGetProperty("application/json", out _));
    }
}
