using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AiWorkload.Contracts.Commands;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Tests.Api;

/// <summary>POST /api/pipelines/{name}/runs: unknown pipelines at request time, single-flight per model, queueing behind the active run.</summary>
public sealed class ManualRunsApiTests
{
    private const string Drift = DefaultPipelines.RetrainOnDrift;

    [Fact]
    public async Task A_run_is_created_at_once_and_served_at_its_Location()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        using var client = host.CreateClient();

        using var response = await StartAsync(client, Drift, """{"modelId": "churn", "parameters": {"reason": "drill"}}""", "run-42");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/runs/run-42", response.Headers.Location?.OriginalString);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("run-42", "pending", "churn"), (accepted.GetProperty("runId").GetString(), accepted.GetProperty("status").GetString(), accepted.GetProperty("modelId").GetString()));
        var run = await host.WaitForStateAsync("run-42", RunState.Succeeded);
        Assert.Equal(("manual", "drill", "churn"), (run.Trigger, run.Parameters["reason"], run.FlightKey));
        using var replay = await StartAsync(client, Drift, """{"modelId": "churn", "parameters": {"reason": "drill"}}""", "run-42");
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(1, (await host.Store.QueryRunsAsync(new RunQuery())).Total);
    }

    [Fact]
    public async Task Unknown_pipelines_models_and_bad_bodies_are_refused_before_any_run_exists()
    {
        await using var host = await OrchestrationHost.StartAsync();
        using var client = host.CreateClient();

        using var noPipeline = await StartAsync(client, "no-such-pipeline", null, "k1");
        using var noModel = await StartAsync(client, Drift, """{"modelId": "ghost"}""", "k2");
        using var badParameter = await StartAsync(client, Drift, """{"parameters": {"9lives": "x"}}""", "k3");
        using var wrongType = await StartAsync(client, Drift, """{"parameters": {"depth": 3}}""", "k4");
        using var loneSurrogate = await StartAsync(client, Drift, """{"modelId": "\ud800"}""", "k5");

        Assert.Equal("name", Field(await ProblemAsync(noPipeline, 404)));
        Assert.Equal("modelId", Field(await ProblemAsync(noModel, 400)));
        Assert.Equal("parameters.9lives", Field(await ProblemAsync(badParameter, 400)));
        Assert.Equal("parameters.depth", Field(await ProblemAsync(wrongType, 400)));
        await ProblemAsync(loneSurrogate, 400);
        Assert.Equal(0, (await host.Store.QueryRunsAsync(new RunQuery())).Total);
    }

    [Fact]
    public async Task A_manual_retraining_of_a_busy_model_is_409_pointing_at_the_active_run_however_many_ask_at_once()
    {
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Options = o => o.MaxConcurrentCalls = 4 });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        using var client = host.CreateClient();

        var burst = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => StartAsync(client, Drift, """{"modelId": "churn"}""", $"burst-{i}")));

        var accepted = burst.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToList();
        var active = Assert.Single(accepted).Headers.Location!.OriginalString;
        foreach (var refused in burst.Where(r => r.StatusCode != HttpStatusCode.Accepted))
        {
            var problem = await ProblemAsync(refused, 409);
            Assert.Equal(active, refused.Headers.Location?.OriginalString);
            Assert.Equal(active, problem.GetProperty("activeRun").GetString());
            Assert.Contains("already being retrained", problem.GetProperty("errors").GetProperty("modelId")[0].GetString(), StringComparison.Ordinal);
        }

        await host.Trainer.NextRequestAsync();
        Assert.Single(await host.Store.GetActiveRunsAsync(Seed.Model));
        Array.ForEach(burst, r => r.Dispose());
    }

    [Fact]
    public async Task With_queue_true_the_run_waits_behind_the_active_one_and_starts_when_it_ends()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        using var client = host.CreateClient();
        using var first = await StartAsync(client, Drift, """{"modelId": "churn"}""", "first");
        await host.Trainer.NextRequestAsync();

        using var queued = await StartAsync(client, $"{Drift}", """{"modelId": "churn"}""", "second", queue: true);

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var body = await queued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("queued", "first"), (body.GetProperty("status").GetString(), body.GetProperty("queuedBehind").GetString()));
        await Task.Delay(200);
        Assert.Equal(RunState.Pending, (await host.Store.GetRunAsync("second"))!.State);
        Assert.Single(host.Trainer.Requests);

        using var cancel = await client.PostAsync(new Uri("/api/runs/first/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        await host.WaitForStateAsync("second", RunState.Running);
        Assert.Equal("second", (await host.Trainer.NextRequestAsync(2)).RunId);
    }

    [Fact]
    public async Task A_start_command_from_elsewhere_for_a_busy_model_is_held_to_single_flight_by_the_handler()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        await host.StartRunAsync("active", Drift);
        await host.Trainer.NextRequestAsync();

        await host.StartRunAsync("refused", Drift);
        await host.Bus.SendAsync(new StartPipelineRun("waiting", Drift, "manual-queued", DateTimeOffset.UtcNow, Seed.Model));

        var refused = await host.WaitForStateAsync("refused", RunState.Cancelled);
        Assert.Contains("already being retrained by run active", refused.Error, StringComparison.Ordinal);
        var waiting = await host.WaitForRunAsync("waiting", r => r.State == RunState.Pending, "queued");
        Assert.Null(waiting.FlightKey);
        await Task.Delay(200);
        Assert.Equal(RunState.Pending, (await host.Store.GetRunAsync("waiting"))!.State);
        Assert.Single(host.Trainer.Requests);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string pipeline, string? json, string key, bool queue = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/pipelines/{pipeline}/runs{(queue ? "?queue=true" : string.Empty)}", UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Field(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Single().Name;
}
