using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Tests.Api;

/// <summary>Run status and history, pipelines and decisions over HTTP, with paging, filters and ProblemDetails.</summary>
public sealed class RunsApiTests
{
    private static readonly PipelineDefinition Quick = new("quick", [new ActivityDefinition("echo", "echo") { Inputs = new Dictionary<string, string> { ["m"] = "${run.modelId}" } }]);

    [Fact]
    public async Task Runs_are_listed_newest_first_with_paging_and_filters_by_pipeline_model_and_state()
    {
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(Quick) });
        for (var i = 0; i < 5; i++)
        {
            await host.StartRunAsync($"q{i}", "quick", modelId: i % 2 == 0 ? "even" : "odd");
            await host.WaitForStateAsync($"q{i}", RunState.Succeeded);
        }

        await host.StartRunAsync("broken", "missing-pipeline", modelId: "even");
        await host.WaitForStateAsync("broken", RunState.Failed);
        using var client = host.CreateClient();

        var firstPage = await client.GetFromJsonAsync<JsonElement>("/api/runs?pageSize=4");
        var secondPage = await client.GetFromJsonAsync<JsonElement>("/api/runs?pageSize=4&page=2");
        var evenSucceeded = await client.GetFromJsonAsync<JsonElement>("/api/runs?modelId=even&state=succeeded");
        var quick = await client.GetFromJsonAsync<JsonElement>("/api/runs?pipeline=quick&pageSize=100");

        Assert.Equal(6, firstPage.GetProperty("total").GetInt32());
        Assert.True(firstPage.GetProperty("hasMore").GetBoolean());
        Assert.Equal(["broken", "q4", "q3", "q2"], Ids(firstPage));
        Assert.Equal(["q1", "q0"], Ids(secondPage));
        Assert.False(secondPage.GetProperty("hasMore").GetBoolean());
        Assert.Equal(["q4", "q2", "q0"], Ids(evenSucceeded));
        Assert.Equal(5, quick.GetProperty("total").GetInt32());
        Assert.Equal("Succeeded", quick.GetProperty("items")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_run_shows_each_activity_with_attempts_timings_inputs_outputs_and_its_history()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        await host.StartRunAsync("detailed", DefaultPipelines.RetrainOnDrift);
        await host.WaitForStateAsync("detailed", RunState.Succeeded);
        using var client = host.CreateClient();

        var run = await client.GetFromJsonAsync<JsonElement>("/api/runs/detailed");

        Assert.Equal("Succeeded", run.GetProperty("state").GetString());
        var train = run.GetProperty("activities")[1];
        Assert.Equal("train", train.GetProperty("name").GetString());
        Assert.Equal("Succeeded", train.GetProperty("status").GetString());
        Assert.Equal("churn", train.GetProperty("inputs").GetProperty("modelId").GetString());
        Assert.Equal("detailed:train:1", train.GetProperty("outputs").GetProperty("jobId").GetString());
        var attempt = train.GetProperty("attempts")[0];
        Assert.Equal(1, attempt.GetProperty("number").GetInt32());
        Assert.True(attempt.TryGetProperty("startedAt", out _));
        Assert.True(attempt.TryGetProperty("endedAt", out _));
        Assert.Contains(run.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "Waiting" && h.GetProperty("activity").GetString() == "train");
    }

    [Fact]
    public async Task Bad_queries_are_ProblemDetails_naming_the_field_and_unknown_runs_are_404()
    {
        await using var host = await OrchestrationHost.StartAsync();
        using var client = host.CreateClient();

        using var badState = await client.GetAsync("/api/runs?state=Runing");
        using var badPage = await client.GetAsync("/api/runs?pageSize=500&page=0");
        using var badDecision = await client.GetAsync("/api/decisions?policy=vibes&triggered=maybe");
        using var missing = await client.GetAsync("/api/runs/ghost");

        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        var stateErrors = (await badState.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("'Runing' is not a run state", stateErrors.GetProperty("state")[0].GetString(), StringComparison.Ordinal);
        var pageErrors = (await badPage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(pageErrors.TryGetProperty("pageSize", out _));
        Assert.True(pageErrors.TryGetProperty("page", out _));
        var decisionErrors = (await badDecision.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(decisionErrors.TryGetProperty("policy", out _));
        Assert.True(decisionErrors.TryGetProperty("triggered", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("ghost", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Pipelines_and_decisions_are_listed()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        await host.Bus.PublishAsync(Policies.DriftPolicyTests.Report("fine", 0.89));
        await Policies.DriftPolicyTests.WaitForDecisionsAsync(host, 1);
        using var client = host.CreateClient();

        var pipelines = await client.GetFromJsonAsync<JsonElement>("/api/pipelines");
        var drift = await client.GetFromJsonAsync<JsonElement>("/api/pipelines/retrain-on-drift");
        var decisions = await client.GetFromJsonAsync<JsonElement>("/api/decisions?modelId=churn&triggered=false");
        using var noPipeline = await client.GetAsync("/api/pipelines/nope");

        Assert.Equal([DefaultPipelines.RetrainOnDrift, DefaultPipelines.RetrainOnNewData], pipelines.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("Drift", drift.GetProperty("triggers")[0].GetProperty("kind").GetString());
        var decision = decisions.GetProperty("items")[0];
        Assert.False(decision.GetProperty("triggered").GetBoolean());
        Assert.Equal("accuracy 0.89 is within 0.05 of promoted version 1's validation 0.9", decision.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, noPipeline.StatusCode);
    }

    [Fact]
    public async Task Reads_need_a_key_and_cancelling_needs_the_write_scope()
    {
        await using var host = await OrchestrationHost.StartAsync();
        using var anonymous = host.CreateClient(apiKey: null);
        using var viewer = host.CreateClient(OrchestrationHost.ViewerKey);

        using var unauthenticated = await anonymous.GetAsync("/api/runs");
        using var read = await viewer.GetAsync("/api/runs");
        using var write = await viewer.PostAsync("/api/runs/any/cancel", null);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runId").GetString()!)];
}
