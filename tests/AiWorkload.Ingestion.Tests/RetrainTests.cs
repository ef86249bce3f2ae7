using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Ingestion.Tests;

public sealed class RetrainTests
{
    [Fact]
    public async Task A_retraining_request_sends_RetrainModel_in_the_model_session_and_publishes_RetrainingRequested()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var response = await client.PostAsync("/api/models/customer-churn/retrain", Requests.Json("""{"reason": "quarterly refresh"}"""), "retrain-2026-q1");

        var accepted = await response.ReadJsonAsync(202);
        Assert.Equal("/api/models/customer-churn/retrainings/retrain-2026-q1", response.Headers.Location?.OriginalString);
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var command = Assert.Single(await app.PublishedAsync(WorkloadTopology.RetrainingQueue));
        Assert.Equal("retrain-2026-q1", command.MessageId);
        Assert.Equal("customer-churn", command.SessionId);
        var retrain = command.Body<RetrainModel>();
        Assert.Equal(("retrain-2026-q1", "customer-churn", "quarterly refresh"), (retrain.RequestId, retrain.ModelId, retrain.Reason));
        var announced = Assert.Single(await app.PublishedAsync(IngestionApp.TrainingSubscription));
        Assert.Equal("retrain-2026-q1", announced.Body<RetrainingRequested>().RequestId);
    }

    [Fact]
    public async Task Without_an_Idempotency_Key_a_retraining_request_is_400_and_nothing_is_sent()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models/customer-churn/retrain", null), 400);

        problem.Names("Idempotency-Key", "needs an Idempotency-Key header");
        Assert.Empty(await app.PublishedAsync(WorkloadTopology.RetrainingQueue));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("this-key-is-much-too-long-0123456789012345678901234567890123456789012345678901234567890123456789012345")]
    public async Task A_malformed_Idempotency_Key_is_400(string key)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models/customer-churn/retrain", null, key), 400);

        problem.Names("Idempotency-Key", "visible ASCII");
    }

    [Fact]
    public async Task The_retraining_location_reports_queued_then_evaluating_then_trained_once_the_decision_is_recorded()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var location = (await client.PostAsync("/api/models/customer-churn/retrain", null, "job-7")).Headers.Location!;

        var queued = await (await client.GetAsync(location)).ReadJsonAsync(200);
        await app.Catalog.WriteAsync(w => w.AddVersion(new NewModelVersion("customer-churn", "job-7", "builtin", 1,
            new Dictionary<string, double> { ["accuracy"] = 0.9 }, "artifacts/customer-churn/1", DateTimeOffset.UtcNow, 1.5)));
        var evaluating = await (await client.GetAsync(location)).ReadJsonAsync(200);
        await app.Catalog.WriteAsync(w => w.SetVersionStatus("customer-churn", 1, VersionStatus.Promoted, "Promoted v1: no version was promoted before."));
        var trained = await (await client.GetAsync(location)).ReadJsonAsync(200);

        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal("evaluating", evaluating.GetProperty("status").GetString());
        Assert.Equal("candidate", evaluating.GetProperty("version").GetProperty("status").GetString());
        Assert.Equal("trained", trained.GetProperty("status").GetString());
        Assert.Equal("promoted", trained.GetProperty("version").GetProperty("status").GetString());
        Assert.Equal(1, trained.GetProperty("version").GetProperty("version").GetInt32());
        (await Problem.ReadAsync(await client.GetAsync(new Uri("/api/models/customer-churn/retrainings/unknown", UriKind.Relative)), 404)).Names("requestId", "No retraining request 'unknown'");
    }

    [Fact]
    public async Task An_unknown_model_is_404_and_a_reason_too_long_is_400()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        (await Problem.ReadAsync(await client.PostAsync("/api/models/ghost/retrain", null, "k1"), 404)).Names("modelId", "'ghost'");
        var longReason = $$"""{"reason": "{{new string('x', 501)}}"}""";
        (await Problem.ReadAsync(await client.PostAsync("/api/models/customer-churn/retrain", Requests.Json(longReason), "k2"), 400)).Names("reason", "longer than 500");
    }
}
