using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Tests.Runs;

/// <summary>Runs execute their DAG in dependency order, passing outputs to inputs, on the real bus with a fake trainer.</summary>
public sealed class DagExecutionTests
{
    [Fact]
    public async Task The_drift_pipeline_validates_trains_evaluates_promotes_and_notifies_in_order()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);

        await host.StartRunAsync("run-1", DefaultPipelines.RetrainOnDrift);
        var run = await host.WaitForStateAsync("run-1", RunState.Succeeded);

        Assert.Equal(["validate", "train", "evaluate", "promote", "notify"], run.Activities.Select(a => a.Name));
        Assert.All(run.Activities, a => Assert.Equal(ActivityStatus.Succeeded, a.Status));
        Assert.All(run.Activities, a => Assert.Single(a.Attempts));
        var ends = run.Activities.Select(a => run.History.FindIndex(h => h.Activity == a.Name && h.Status == "Succeeded")).ToList();
        Assert.Equal(ends.Order(), ends);
        var request = Assert.Single(host.Trainer.Requests);
        Assert.Equal("run-1:train:1", request.RequestId);
        Assert.Equal("run-1", request.RunId);
        Assert.Equal(request.RequestId, run.FindActivity("evaluate")!.Inputs!["jobId"]);
        Assert.Equal("promoted", run.FindActivity("evaluate")!.Outputs!["decision"]);
        Assert.Equal("promoted", run.FindActivity("promote")!.Outputs!["outcome"]);
        Assert.Equal("2", run.FindActivity("promote")!.Outputs!["servingVersion"]);
        Assert.Equal(2, (await host.Catalog.GetPromotedVersionAsync(Seed.Model))!.Version);
        var notification = await host.Events.WaitForAsync<PipelineNotification>(n => n.RunId == "run-1");
        Assert.Equal("Model churn retrained (drift detected): promoted, serving version 2.", notification.Message);
        var states = await WaitForStatesAsync(host, "run-1", 3);
        Assert.Equal(["Pending", "Running", "Succeeded"], states);
    }

    [Fact]
    public async Task A_rejected_version_keeps_the_current_one_and_the_run_still_succeeds()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.Quality = _ => 0.5;

        await host.StartRunAsync("run-worse", DefaultPipelines.RetrainOnDrift);
        var run = await host.WaitForStateAsync("run-worse", RunState.Succeeded);

        Assert.Equal("rejected", run.FindActivity("evaluate")!.Outputs!["decision"]);
        Assert.Equal("kept current version", run.FindActivity("promote")!.Outputs!["outcome"]);
        Assert.Equal("1", run.FindActivity("promote")!.Outputs!["servingVersion"]);
        Assert.Equal(1, (await host.Catalog.GetPromotedVersionAsync(Seed.Model))!.Version);
    }

    [Fact]
    public async Task A_ForEach_trains_every_item_with_bounded_parallelism_and_collects_the_outputs()
    {
        var pipeline = new PipelineDefinition("train-all",
        [
            new ActivityDefinition("list", "echo") { Inputs = new Dictionary<string, string> { ["models"] = "${run.parameters.models}" } },
            new ActivityDefinition("train-each", ActivityTypes.ForEach)
            {
                DependsOn = ["list"],
                ForEach = new ForEachDefinition("${activities.list.output.models}", new ActivityDefinition("train", ActivityTypes.Train)
                {
                    Inputs = new Dictionary<string, string> { ["modelId"] = "${item}", ["reason"] = "batch ${index}" },
                }) { Parallelism = 2 },
            },
            new ActivityDefinition("summary", "echo") { DependsOn = ["train-each"], Inputs = new Dictionary<string, string> { ["count"] = "${activities.train-each.output.count}" } },
        ]);
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(pipeline) });
        foreach (var model in new[] { "m1", "m2", "m3" })
        {
            await Seed.ModelAsync(host.Catalog, model);
        }

        host.Trainer.AutoReply = false;
        await host.StartRunAsync("loop", "train-all", modelId: null, new Dictionary<string, string> { ["models"] = "m1, m2, m3" });

        await host.Trainer.NextRequestAsync(2);
        var waiting = await host.WaitForActivityAsync("loop", "train-each[1]", ActivityStatus.Waiting);
        Assert.Equal(ActivityStatus.Pending, waiting.FindActivity("train-each[2]")!.Status);
        Assert.Equal(2, host.Trainer.Requests.Count);
        await ReplyAsync(host, host.Trainer.Requests.First(r => r.ModelId == "m1"));
        await host.Trainer.NextRequestAsync(3);
        foreach (var request in host.Trainer.Requests.Where(r => r.ModelId != "m1"))
        {
            await ReplyAsync(host, request);
        }

        var run = await host.WaitForStateAsync("loop", RunState.Succeeded);
        Assert.Equal(["m1", "m2", "m3"], host.Trainer.Requests.Select(r => r.ModelId).Order());
        Assert.Equal("batch 2", host.Trainer.Requests.Single(r => r.ModelId == "m3").Reason);
        Assert.Equal("3", run.FindActivity("summary")!.Outputs!["count"]);
        Assert.Contains("\"modelId\":\"m2\"", run.FindActivity("train-each")!.Outputs!["outputs"], StringComparison.Ordinal);
        Assert.Equal(["train-each[0]", "train-each[1]", "train-each[2]"], run.Activities.Where(a => a.Parent == "train-each").Select(a => a.Name));
    }

    [Fact]
    public async Task An_activity_failing_for_good_fails_the_run_and_skips_what_depends_on_it()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog, rows: 0);

        await host.StartRunAsync("empty", DefaultPipelines.RetrainOnDrift);
        var run = await host.WaitForStateAsync("empty", RunState.Failed);

        Assert.Equal(ActivityStatus.Failed, run.FindActivity("validate")!.Status);
        Assert.Single(run.FindActivity("validate")!.Attempts); // not retryable: the catalog would say the same again
        Assert.All(run.Activities.Skip(1), a => Assert.Equal(ActivityStatus.Skipped, a.Status));
        Assert.Equal("activity 'validate' failed: dataset 'churn-data' has 0 rows; at least 1 are needed", run.Error);
        Assert.Empty(host.Trainer.Requests);
    }

    [Fact]
    public async Task A_start_for_an_unknown_pipeline_records_a_failed_run()
    {
        await using var host = await OrchestrationHost.StartAsync();

        await host.StartRunAsync("nope", "no-such-pipeline");
        var run = await host.WaitForStateAsync("nope", RunState.Failed);

        Assert.Equal("pipeline 'no-such-pipeline' does not exist", run.Error);
        Assert.Empty(run.Activities);
    }

    private static async Task ReplyAsync(OrchestrationHost host, AiWorkload.Contracts.Commands.RetrainModel request)
    {
        var version = await FakeTraining.RecordAsync(host.Catalog, request, 0.95, DateTimeOffset.UtcNow);
        await host.Bus.PublishAsync(FakeTraining.Trained(request, version, DateTimeOffset.UtcNow));
    }

    private static async Task<List<string>> WaitForStatesAsync(OrchestrationHost host, string runId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (host.Events.Of<PipelineRunChanged>().Count(e => e.RunId == runId) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run's state events did not all arrive");
            await Task.Delay(10);
        }

        // Published in order, received by a concurrent subscriber in any order: sort by when they happened.
        return [.. host.Events.Of<PipelineRunChanged>().Where(e => e.RunId == runId).OrderBy(e => Enum.Parse<RunState>(e.State)).Select(e => e.State)];
    }
}
