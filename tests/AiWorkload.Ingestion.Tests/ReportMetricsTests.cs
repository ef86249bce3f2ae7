using AiWorkload.Contracts.Events;

namespace AiWorkload.Ingestion.Tests;

public sealed class ReportMetricsTests
{
    [Fact]
    public async Task A_metrics_report_is_202_and_reaches_the_orchestrator_but_not_the_training_subscription()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var response = await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.71, "driftScore": 0.12}"""));

        var accepted = await response.ReadJsonAsync(202);
        Assert.Equal("/api/models/customer-churn", response.Headers.Location?.OriginalString);
        Assert.Equal("model_metrics", accepted.GetProperty("trigger").GetString());
        var published = Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(ModelMetricsReported)));
        var report = published.Body<ModelMetricsReported>();
        Assert.Equal(("customer-churn", "accuracy", 0.71, 0.12), (report.ModelId, report.Metric, report.Value, report.DriftScore!.Value));
        Assert.Equal(accepted.GetProperty("eventId").GetString(), published.MessageId);
        Assert.Equal("model_metrics", published.ApplicationProperties["trigger"]);
        Assert.Empty(await app.PublishedAsync(IngestionApp.TrainingSubscription));
    }

    [Fact]
    public async Task A_report_asking_for_retraining_carries_the_model_training_trigger_and_the_SQL_rule_routes_it_to_training()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        await (await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "f1", "value": 0.4, "requestRetraining": true, "observedAt": "2026-03-01T10:00:00Z"}"""))).ReadJsonAsync(202);

        var routed = Assert.Single(await app.PublishedAsync(IngestionApp.TrainingSubscription));
        var report = routed.Body<ModelMetricsReported>();
        Assert.Equal("model_training", report.Trigger);
        Assert.Equal("model_training", routed.ApplicationProperties["trigger"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), report.OccurredAt);
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(ModelMetricsReported)));
    }

    [Fact]
    public async Task Each_report_without_a_key_is_a_new_observation()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        await (await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.8}"""))).ReadJsonAsync(202);
        await (await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json("""{"metric": "accuracy", "value": 0.8}"""))).ReadJsonAsync(202);

        Assert.Equal(2, (await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(ModelMetricsReported))).Count);
    }

    [Theory]
    [InlineData("""{"value": 0.5}""", "metric", "The metric is required")]
    [InlineData("""{"metric": "rmse", "value": 0.5}""", "metric", "'rmse' is not a metric of classification model 'customer-churn'")]
    [InlineData("""{"metric": "accuracy"}""", "value", "The observed value is required")]
    [InlineData("""{"metric": "accuracy", "value": 0.5, "driftScore": -1}""", "driftScore", "0 or more")]
    [InlineData("""{"metric": "accuracy", "value": "high"}""", "value", "has the wrong type for this field")]
    [InlineData("""{"metric": "accuracy", "value": 0.5, "observedAt": "yesterday"}""", "observedAt", "has the wrong type for this field")]
    public async Task Each_invalid_field_is_named(string body, string field, string message)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models/customer-churn/metrics", Requests.Json(body)), 400);

        problem.Names(field, message);
    }

    [Fact]
    public async Task An_unknown_model_is_404()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models/ghost/metrics", Requests.Json("""{"metric": "accuracy", "value": 1}""")), 404);

        problem.Names("modelId", "Model 'ghost' is not registered");
    }
}
