using System.Net.Http.Headers;
using System.Text;

namespace AiWorkload.Ingestion.Tests;

/// <summary>Input no valid client sends: broken text in JSON batches, and a registration missing its name. Each is a 400 naming the field.</summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("""{"records": [{"tenure_months": 1, "monthly_charges": 2, "support_tickets": 3, "churned": "\ud800"}]}""", "records[0].churned")]
    [InlineData("""{"records": [{"\udc00": 1, "monthly_charges": 2, "support_tickets": 3, "churned": "no"}]}""", "records[0]")]
    [InlineData("""{"records": [{"tenure_months": "\ud83d", "monthly_charges": 2, "support_tickets": 3, "churned": "no"}]}""", "records[0].tenure_months")]
    [InlineData("""{"\ud800": []}""", "body")]
    public async Task A_lone_surrogate_in_a_JSON_batch_is_a_400_naming_where_it_is(string json, string field)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Json(json)), 400);

        Assert.True(problem.Errors.ContainsKey(field), string.Join("; ", problem.Errors.Keys));
        Assert.Equal(0, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_JSON_batch_is_a_400_with_the_byte_offset()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("""{"records": [{"tenure_months": 1, "monthly_charges": 2, "support_tickets": 3, "churned": """));
        bytes.AddRange([(byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}', (byte)']', (byte)'}']);
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", content), 400);

        problem.Names("body", "not valid UTF-8 (at byte");
    }

    [Theory]
    [InlineData("""{"id": "churn", "task": "classification", "dataset": {"id": "customers", "features": ["a"], "label": "b"}}""", "A name is required.")]
    [InlineData("""{"name": "  ", "task": "classification", "dataset": {"id": "customers", "features": ["a"], "label": "b"}}""", "it must not be blank")]
    public async Task A_registration_without_a_name_is_a_400_naming_name(string json, string message)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models", Requests.Json(json)), 400);

        problem.Names("name", message);
        Assert.Null(await app.Catalog.GetModelAsync("churn"));
    }
}
