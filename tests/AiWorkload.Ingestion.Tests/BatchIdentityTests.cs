using AiWorkload.Contracts.Events;

namespace AiWorkload.Ingestion.Tests;

/// <summary>
/// A batch is its parsed rows: the same rows are stored once whatever Idempotency-Key they come with (or none) and
/// however they are formatted, and a reply that says alreadyStored never claims rows were added.
/// </summary>
public sealed class BatchIdentityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("upload-2")]
    public async Task The_same_CSV_posted_again_with_another_key_or_none_adds_nothing_and_says_so(string? secondKey)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var first = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv), "upload-1")).ReadJsonAsync(201);
        var again = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv), secondKey)).ReadJsonAsync(200);

        Assert.Equal((3, false), (first.GetProperty("rowsAdded").GetInt32(), first.GetProperty("alreadyStored").GetBoolean()));
        Assert.Equal((0, true), (again.GetProperty("rowsAdded").GetInt32(), again.GetProperty("alreadyStored").GetBoolean()));
        Assert.Equal(first.GetProperty("batchId").GetString(), again.GetProperty("batchId").GetString());
        Assert.Equal((3L, 1L), (again.GetProperty("totalRows").GetInt64(), again.GetProperty("dataVersion").GetInt64()));
        Assert.Equal(3, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested)));
    }

    [Fact]
    public async Task Reformatted_rows_are_the_same_batch_and_different_rows_are_not()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        const string reordered = "churned,support_tickets,monthly_charges,tenure_months\r\nno,1,70.50,12\r\nyes,4,99.9,2.0\r\nno,0,3.5e1,40\r\n";
        const string changed = "tenure_months,monthly_charges,support_tickets,churned\n12,70.5,1,no\n2,99.9,4,yes\n40,35,0,yes\n";

        await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv))).ReadJsonAsync(201);
        var same = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(reordered), "another-key")).ReadJsonAsync(200);
        var different = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(changed))).ReadJsonAsync(201);

        Assert.Equal((0, true), (same.GetProperty("rowsAdded").GetInt32(), same.GetProperty("alreadyStored").GetBoolean()));
        Assert.Equal((3, false, 6L, 2L), (different.GetProperty("rowsAdded").GetInt32(), different.GetProperty("alreadyStored").GetBoolean(),
            different.GetProperty("totalRows").GetInt64(), different.GetProperty("dataVersion").GetInt64()));
        Assert.Equal(2, (await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested))).Count);
    }

    [Fact]
    public async Task A_key_replayed_with_the_same_body_gets_the_first_answer_and_with_another_body_422()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var first = await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv), "upload-1");
        var replay = await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv), "upload-1");
        var reused = await client.PostAsync("/api/datasets/customers/batches", Requests.Csv("tenure_months,monthly_charges,support_tickets,churned\n1,2,3,no\n"), "upload-1");

        Assert.Equal(201, (int)replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        await Problem.ReadAsync(reused, 422);
        Assert.Equal(3, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
    }
}
