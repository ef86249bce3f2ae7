using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Runs;

/// <summary>At-least-once, out-of-order delivery never advances a run twice or loses an early event.</summary>
public sealed class DeliveryTests
{
    // Past the broker's 10-minute duplicate-detection window, a resent event reaches the orchestrator again.
    private static readonly TimeSpan BeyondDuplicateWindow = TimeSpan.FromMinutes(11);

    [Fact]
    public async Task A_duplicate_event_beyond_the_brokers_window_is_dropped_by_the_run_store()
    {
        var time = new ManualTimeProvider();
        var drift = DefaultPipelines.All[0];
        var untimed = drift with { Name = "untimed", Activities = [.. drift.Activities.Select(a => a with { Timeout = null })], Triggers = [] };
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Orchestration = o => o.AddPipeline(untimed) });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        await host.StartRunAsync("dup", "untimed");
        var request = await host.Trainer.NextRequestAsync();
        var version = await FakeTraining.RecordAsync(host.Catalog, request, 0.97, time.GetUtcNow());
        var trained = FakeTraining.Trained(request, version, time.GetUtcNow());

        await host.Bus.PublishAsync(trained);
        var afterFirst = await host.WaitForActivityAsync("dup", "evaluate", ActivityStatus.Waiting);
        time.Advance(BeyondDuplicateWindow);
        await host.Bus.PublishAsync(trained);
        await host.Bus.SendAsync(new StartPipelineRun("dup", "untimed", "manual", time.GetUtcNow(), Seed.Model));
        await WaitProcessedAsync(host, $"event:{trained.EventId}");
        await Task.Delay(50);

        var run = (await host.Store.GetRunAsync("dup"))!;
        Assert.Equal(afterFirst.Version, run.Version);
        Assert.Equal(afterFirst.History.Count, run.History.Count);
        Assert.Single(run.Inbox, e => e.MessageId == trained.EventId);
        Assert.Single(host.Trainer.Requests);
        Assert.Single(run.FindActivity("train")!.Attempts);
    }

    [Fact]
    public async Task A_redelivered_message_is_a_no_op_in_the_same_transaction_as_its_first_effect()
    {
        await using var host = await OrchestrationHost.StartAsync();
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        await host.StartRunAsync("redelivered", DefaultPipelines.RetrainOnDrift);
        var request = await host.Trainer.NextRequestAsync();
        var version = await FakeTraining.RecordAsync(host.Catalog, request, 0.97, DateTimeOffset.UtcNow);
        var trained = FakeTraining.Trained(request, version, DateTimeOffset.UtcNow);
        var handler = host.Services.GetRequiredService<AiWorkload.Orchestration.Handlers.WorkloadEventHandler<ModelTrained>>();
        var context = new FakeMessageContext(trained.EventId, nameof(ModelTrained), "redelivered");

        await handler.HandleAsync(trained, context, CancellationToken.None);
        var first = (await host.Store.GetRunAsync("redelivered"))!;
        await handler.HandleAsync(trained, context with { DeliveryCount = 2 }, CancellationToken.None);
        var second = (await host.Store.GetRunAsync("redelivered"))!;

        Assert.Equal(ActivityStatus.Succeeded, first.FindActivity("train")!.Status);
        Assert.Equal(first.Version, second.Version);
        Assert.True(await host.Store.IsProcessedAsync($"event:{trained.EventId}"));
    }

    [Fact]
    public async Task A_promotion_decision_arriving_before_the_training_result_is_kept_until_evaluate_asks_for_it()
    {
        var drift = DefaultPipelines.All[0];
        var pipeline = drift with { Name = "train-evaluate", Activities = [.. drift.Activities.Take(3)], Triggers = [] };
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Orchestration = o => o.AddPipeline(pipeline) });
        await Seed.ModelAsync(host.Catalog);
        host.Trainer.AutoReply = false;
        await host.StartRunAsync("shuffled", "train-evaluate");
        var request = await host.Trainer.NextRequestAsync();
        var now = DateTimeOffset.UtcNow;
        var version = await FakeTraining.RecordAsync(host.Catalog, request, 0.97, now);
        var decision = new ModelPromoted($"promoted:{request.RequestId}", request.RequestId, Seed.Model, version.Version, 1, "accuracy", 0.97, 0.9, "better", now, "shuffled");
        var stranger = request with { RequestId = "someone-else:train:1" };

        // The decision first, then a result for another job of the same run, then the awaited result.
        await host.Bus.PublishAsync(decision);
        await host.WaitForRunAsync("shuffled", r => r.Inbox.Any(e => e.MessageId == decision.EventId), "holding the early decision");
        await host.Bus.PublishAsync(FakeTraining.Trained(stranger, version, now));
        await host.WaitForRunAsync("shuffled", r => r.Inbox.Count == 2, "holding the stranger's result");
        Assert.Equal(ActivityStatus.Waiting, (await host.Store.GetRunAsync("shuffled"))!.FindActivity("train")!.Status);
        await host.Bus.PublishAsync(FakeTraining.Trained(request, version, now));

        var run = await host.WaitForStateAsync("shuffled", RunState.Succeeded);
        Assert.Equal("event", run.FindActivity("evaluate")!.Outputs!["source"]);
        Assert.Equal("promoted", run.FindActivity("evaluate")!.Outputs!["decision"]);
        Assert.Equal("evaluate", run.Inbox.Single(e => e.MessageId == decision.EventId).ConsumedBy);
        Assert.Null(run.Inbox.Single(e => e.MessageId == $"trained:{stranger.RequestId}").ConsumedBy);
        Assert.Equal("train", run.Inbox.Single(e => e.MessageId == $"trained:{request.RequestId}").ConsumedBy);
    }

    private static async Task WaitProcessedAsync(OrchestrationHost host, string key)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await host.Store.IsProcessedAsync(key))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{key} was never processed");
            await Task.Delay(10);
        }
    }
}
