using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Tests.Triggers;

/// <summary>Event triggers filter the orchestrator subscription's events with the Service Bus rule language.</summary>
public sealed class EventTriggerTests
{
    private static readonly ActivityDefinition Echo = new("echo", "echo")
    {
        Inputs = new Dictionary<string, string> { ["model"] = "${run.modelId}", ["rows"] = "${run.parameters.rows}" },
    };

    [Fact]
    public async Task A_sql_trigger_starts_a_run_only_for_events_its_filter_accepts()
    {
        var pipeline = new PipelineDefinition("on-churn-registered", [Echo])
        {
            Triggers = [TriggerDefinition.OnEvent(nameof(ModelRegistered), "user.model_id LIKE 'churn%' AND sys.Label = 'ModelRegistered'")],
            Parameters = new Dictionary<string, string> { ["rows"] = "0" },
        };
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(pipeline) });

        await host.Bus.PublishAsync(new ModelRegistered("reg-fraud", "fraud", "d", "Classification", DateTimeOffset.UtcNow));
        await host.Bus.PublishAsync(new ModelRegistered("reg-churn", "churn-eu", "d", "Classification", DateTimeOffset.UtcNow));

        var runs = await WaitForRunsAsync(host, "on-churn-registered", 1);
        var run = await host.WaitForStateAsync(runs[0].RunId, RunState.Succeeded);
        Assert.Equal("event", run.Trigger);
        Assert.Equal("churn-eu", run.ModelId);
        Assert.Equal("churn-eu", run.FindActivity("echo")!.Outputs!["model"]);
        Assert.Single((await host.Store.QueryRunsAsync(new RunQuery("on-churn-registered"))).Items);
    }

    [Fact]
    public async Task A_correlation_trigger_matches_exact_properties_and_maps_event_fields_to_parameters()
    {
        var pipeline = new PipelineDefinition("on-churn-data", [Echo])
        {
            Triggers =
            [
                new TriggerDefinition(TriggerKind.Event)
                {
                    Event = nameof(DataIngested),
                    Correlation = new CorrelationTriggerFilter { Properties = new Dictionary<string, string> { ["dataset_id"] = "churn-data" } },
                    ModelId = "model-of-${event.datasetId}",
                    Parameters = new Dictionary<string, string> { ["rows"] = "${event.rowsAdded}" },
                },
            ],
        };
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(pipeline) });

        await host.Bus.PublishAsync(new DataIngested("ingest-other", "other-data", "b1", 5, 5, 1, DateTimeOffset.UtcNow));
        await host.Bus.PublishAsync(new DataIngested("ingest-churn", "churn-data", "b2", 42, 42, 1, DateTimeOffset.UtcNow));

        var runs = await WaitForRunsAsync(host, "on-churn-data", 1);
        var run = await host.WaitForStateAsync(runs[0].RunId, RunState.Succeeded);
        Assert.Equal("model-of-churn-data", run.ModelId);
        Assert.Equal("42", run.Parameters["rows"]);
        Assert.Equal("42", run.FindActivity("echo")!.Outputs!["rows"]);
        Assert.True(await host.Store.IsProcessedAsync("event:ingest-other"));
        Assert.Single((await host.Store.QueryRunsAsync(new RunQuery("on-churn-data"))).Items);
    }

    [Fact]
    public async Task A_wait_for_an_uncorrelated_event_resumes_the_run_when_a_matching_one_arrives()
    {
        var pipeline = new PipelineDefinition("await-data",
        [
            new ActivityDefinition("wait", "waitForEvent")
            {
                Inputs = new Dictionary<string, string> { ["event"] = nameof(DataIngested), ["correlated"] = "false", ["match.datasetId"] = "${run.parameters.dataset}", ["count"] = "2" },
            },
            new ActivityDefinition("each", "forEach")
            {
                DependsOn = ["wait"],
                ForEach = new ForEachDefinition("${activities.wait.output.items}", new ActivityDefinition("echo", "echo")
                {
                    Inputs = new Dictionary<string, string> { ["batch"] = "${item.batchId}" },
                }) { Parallelism = 4 },
            },
        ]);
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(pipeline) });
        await host.StartRunAsync("waiter", "await-data", null, new Dictionary<string, string> { ["dataset"] = "churn-data" });
        await host.WaitForActivityAsync("waiter", "wait", ActivityStatus.Waiting);

        await host.Bus.PublishAsync(new DataIngested("i1", "other-data", "b0", 1, 1, 1, DateTimeOffset.UtcNow));
        await host.Bus.PublishAsync(new DataIngested("i2", "churn-data", "b1", 1, 1, 1, DateTimeOffset.UtcNow));
        await host.Bus.PublishAsync(new DataIngested("i3", "churn-data", "b2", 1, 2, 2, DateTimeOffset.UtcNow));

        var run = await host.WaitForStateAsync("waiter", RunState.Succeeded);
        Assert.Equal("2", run.FindActivity("wait")!.Outputs!["count"]);
        // Events from a topic arrive in any order: the wait collects them as they come.
        Assert.Equal(["b1", "b2"], run.Activities.Where(a => a.Parent == "each").Select(a => a.Outputs!["batch"]).Order());
    }

    private static async Task<IReadOnlyList<RunSummary>> WaitForRunsAsync(OrchestrationHost host, string pipeline, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await host.Store.QueryRunsAsync(new RunQuery(pipeline));
            if (page.Items.Count >= count)
            {
                await Task.Delay(50); // let any wrongly matching event show up too
                return (await host.Store.QueryRunsAsync(new RunQuery(pipeline))).Items;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no run of {pipeline} started");
            await Task.Delay(10);
        }
    }
}
