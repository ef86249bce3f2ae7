using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Runs;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_a_run_stops_its_pending_activities_cancels_its_timer_and_ignores_the_late_reply()
    {
        var time = new ManualTimeProvider();
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        await host.StartRunAsync("doomed", DefaultPipelines.RetrainOnDrift);
        var request = await host.Trainer.NextRequestAsync();
        await host.WaitForActivityAsync("doomed", "train", ActivityStatus.Waiting);
        await host.DrainOutboxAsync();
        Assert.Single(await host.ScheduledTimersAsync());
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/api/runs/doomed/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Cancelled", body.GetProperty("state").GetString());
        var run = (await host.Store.GetRunAsync("doomed"))!;
        Assert.Equal(RunState.Cancelled, run.State);
        Assert.Equal(
            [ActivityStatus.Succeeded, ActivityStatus.Cancelled, ActivityStatus.Cancelled, ActivityStatus.Cancelled, ActivityStatus.Cancelled],
            run.Activities.Select(a => a.Status));
        Assert.Equal(ActivityStatus.Cancelled, run.FindActivity("train")!.Attempts[0].Status);
        await host.DrainOutboxAsync();
        Assert.Empty(await host.ScheduledTimersAsync());

        var version = await FakeTraining.RecordAsync(host.Catalog, request, 0.99, time.GetUtcNow());
        await host.Bus.PublishAsync(FakeTraining.Trained(request, version, time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(3));
        await Task.Delay(100);
        Assert.Equal(run.Version, (await host.Store.GetRunAsync("doomed"))!.Version);
        Assert.Single(host.Trainer.Requests);

        using var again = await client.PostAsync("/api/runs/doomed/cancel", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_finished_run_cannot_be_cancelled_and_an_unknown_one_is_not_found()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        await host.StartRunAsync("done", DefaultPipelines.RetrainOnDrift);
        await host.WaitForStateAsync("done", RunState.Succeeded);
        using var client = host.CreateClient();

        using var finished = await client.PostAsync("/api/runs/done/cancel", null);
        using var unknown = await client.PostAsync("/api/runs/ghost/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        var problem = await finished.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Succeeded", problem.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RunState.Succeeded, (await host.Store.GetRunAsync("done"))!.State);
    }
}
