using AiWorkload.Contracts.Commands;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Ingestion.Tests;

public sealed class PipelineRunTests
{
    [Fact]
    public async Task Starting_a_run_sends_StartPipelineRun_and_points_to_the_orchestration_run()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var response = await client.PostAsync("/api/pipelines/retrain/runs",
            Requests.Json("""{"modelId": "customer-churn", "parameters": {"reason": "drill"}}"""), "run-42");

        var accepted = await response.ReadJsonAsync(202);
        Assert.Equal("/api/runs/run-42", response.Headers.Location?.OriginalString);
        Assert.Equal("run-42", accepted.GetProperty("runId").GetString());
        var sent = Assert.Single(await app.PublishedAsync(WorkloadTopology.PipelineRunsQueue));
        Assert.Equal("run-42", sent.MessageId);
        Assert.Equal("run-42", sent.CorrelationId);
        var start = sent.Body<StartPipelineRun>();
        Assert.Equal(("retrain", "manual", "customer-churn"), (start.Pipeline, start.Trigger, start.ModelId));
        Assert.Equal("drill", start.Parameters!["reason"]);
    }

    [Fact]
    public async Task Without_a_key_or_body_a_run_gets_a_new_id()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var first = await client.PostAsync("/api/pipelines/new-data/runs", null);
        var second = await client.PostAsync("/api/pipelines/new-data/runs", null);

        var firstId = (await first.ReadJsonAsync(202)).GetProperty("runId").GetString();
        var secondId = (await second.ReadJsonAsync(202)).GetProperty("runId").GetString();
        Assert.NotEqual(firstId, secondId);
        Assert.Equal($"/api/runs/{firstId}", first.Headers.Location?.OriginalString);
        Assert.Equal(2, (await app.PublishedAsync(WorkloadTopology.PipelineRunsQueue)).Count);
    }

    [Theory]
    [InlineData("Bad_Name!", "{}", "pipeline", "not a valid pipeline name")]
    [InlineData("retrain", """{"modelId": "ghost"}""", "modelId", "Model 'ghost' is not registered")]
    [InlineData("retrain", """{"parameters": {"9lives": "x"}}""", "parameters.9lives", "not a valid parameter name")]
    [InlineData("retrain", """{"parameters": {"depth": 3}}""", "parameters.depth", "has the wrong type for this field")]
    public async Task Each_invalid_field_is_named(string pipeline, string body, string field, string message)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var problem = await Problem.ReadAsync(await client.PostAsync($"/api/pipelines/{Uri.EscapeDataString(pipeline)}/runs", Requests.Json(body)), 400);

        problem.Names(field, message);
    }
}
