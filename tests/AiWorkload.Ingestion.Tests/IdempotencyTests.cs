using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Ingestion.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_key_and_request_twice_gets_the_same_response_and_one_message()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var first = await client.PostAsync("/api/models/customer-churn/retrain", Requests.Json("""{"reason": "drift"}"""), "retry-me");
        var second = await client.PostAsync("/api/models/customer-churn/retrain", Requests.Json("""{"reason": "drift"}"""), "retry-me");

        Assert.Equal(202, (int)second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Single(await app.PublishedAsync(WorkloadTopology.RetrainingQueue));
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(RetrainingRequested)));
    }

    [Fact]
    public async Task A_batch_sent_twice_with_a_key_is_stored_once_announced_once_and_answered_identically()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var first = await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv), "upload-1");
        var second = await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv), "upload-1");

        var body = await first.ReadJsonAsync(201);
        Assert.Equal(201, (int)second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var batchId = body.GetProperty("batchId").GetString();
        Assert.StartsWith("sha256-", batchId, StringComparison.Ordinal);
        Assert.Equal(3, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
        Assert.Equal($"data-ingested:customers:{batchId}", Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested))).MessageId);
    }

    [Fact]
    public async Task Concurrent_requests_with_the_same_key_store_and_send_once_and_all_get_the_same_answer()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.7}"""), "same-report")));

        Assert.All(responses, r => Assert.Equal(202, (int)r.StatusCode));
        Assert.Single(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())).ContinueWith(t => t.Result.Distinct().ToList()));
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(ModelMetricsReported)));
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_on_another_endpoint_is_422_and_changes_nothing()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        await (await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.7}"""), "key-a")).ReadJsonAsync(202);

        var otherBody = await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.9}"""), "key-a");
        var otherEndpoint = await client.PostAsync("/api/models/customer-churn/retrain", null, "key-a");

        (await Problem.ReadAsync(otherBody, 422)).Names("Idempotency-Key", "already used for a different request");
        (await Problem.ReadAsync(otherEndpoint, 422)).Names("Idempotency-Key", "'key-a'");
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(ModelMetricsReported)));
        Assert.Empty(await app.PublishedAsync(WorkloadTopology.RetrainingQueue));
    }

    [Fact]
    public async Task A_rejected_request_stores_nothing_so_the_key_can_be_used_with_a_corrected_body()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        await Problem.ReadAsync(await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "rmse", "value": 0.7}"""), "fix-me"), 400);
        var fixedUp = await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.7}"""), "fix-me");

        await fixedUp.ReadJsonAsync(202);
    }

    [Fact]
    public async Task A_registration_replayed_after_a_restart_gets_the_original_answer()
    {
        using var directory = new TemporaryDirectory();
        string original;
        await using (var app = await IngestionApp.StartAsync(directory))
        using (var client = app.Client())
        {
            original = await (await client.PostAsync("/api/models", Requests.Json(Requests.ChurnModel), "register-churn")).Content.ReadAsStringAsync();
        }

        await using var restarted = await IngestionApp.StartAsync(directory);
        using var again = restarted.Client();
        var replay = await again.PostAsync("/api/models", Requests.Json(Requests.ChurnModel), "register-churn");

        Assert.Equal(201, (int)replay.StatusCode);
        Assert.Equal(original, await replay.Content.ReadAsStringAsync());
        Assert.Single(await restarted.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(ModelRegistered)));
    }
}
