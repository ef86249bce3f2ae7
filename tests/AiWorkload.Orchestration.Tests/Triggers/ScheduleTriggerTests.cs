using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Triggers;

/// <summary>Schedule triggers fire from durable scheduled messages, one pending tick per trigger, across restarts.</summary>
public sealed class ScheduleTriggerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static PipelineDefinition Nightly(string cron = "0 3 * * *") => new("nightly", [new ActivityDefinition("echo", "echo") { Inputs = new Dictionary<string, string> { ["model"] = "${run.modelId}" } }])
    {
        Triggers = [TriggerDefinition.OnCron(cron) with { ModelId = Seed.Model }],
    };

    [Fact]
    public async Task A_cron_trigger_survives_a_restart_with_exactly_one_pending_tick_and_fires_once_at_its_time()
    {
        using var directory = new TemporaryDirectory();
        var time = new ManualTimeProvider(Noon);
        HostSetup Setup() => new() { Time = time, Directory = directory, DurableBus = true, Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(Nightly()) };
        await using (var first = await OrchestrationHost.StartAsync(Setup()))
        {
            await first.DrainOutboxAsync();
            Assert.Equal(["schedule:nightly#0:" + new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero).UtcTicks], await first.ScheduledTimersAsync());
        }

        await using var host = await OrchestrationHost.StartAsync(Setup());
        await host.DrainOutboxAsync();
        Assert.Single(await host.ScheduledTimersAsync());

        time.Advance(new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero) - Noon);

        var run = await host.WaitForStateAsync("nightly-20260102T030000", RunState.Succeeded);
        Assert.Equal("schedule", run.Trigger);
        Assert.Equal(Seed.Model, run.FindActivity("echo")!.Outputs!["model"]);
        await host.DrainOutboxAsync();
        Assert.Equal(["schedule:nightly#0:" + new DateTimeOffset(2026, 1, 3, 3, 0, 0, TimeSpan.Zero).UtcTicks], await host.ScheduledTimersAsync());
        Assert.Single((await host.Store.QueryRunsAsync(new RunQuery("nightly"))).Items);
    }

    [Fact]
    public async Task Editing_a_schedule_replaces_its_pending_tick()
    {
        using var directory = new TemporaryDirectory();
        var time = new ManualTimeProvider(Noon);
        await using (var first = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Directory = directory, DurableBus = true, Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(Nightly()) }))
        {
            await first.DrainOutboxAsync();
        }

        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Directory = directory, DurableBus = true, Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(Nightly("30 12 * * *")) });
        await host.DrainOutboxAsync();

        Assert.Equal(["schedule:nightly#0:" + new DateTimeOffset(2026, 1, 1, 12, 30, 0, TimeSpan.Zero).UtcTicks], await host.ScheduledTimersAsync());
        time.Advance(TimeSpan.FromMinutes(30));
        await host.WaitForStateAsync("nightly-20260101T123000", RunState.Succeeded);
    }

    [Fact]
    public async Task An_interval_trigger_fires_on_epoch_aligned_boundaries()
    {
        var time = new ManualTimeProvider(Noon.AddMinutes(7));
        var pipeline = Nightly() with { Triggers = [TriggerDefinition.OnInterval(TimeSpan.FromMinutes(15)) with { ModelId = Seed.Model }] };
        await using var host = await OrchestrationHost.StartAsync(new HostSetup { Time = time, Orchestration = o => o.AddActivity<EchoActivity>().AddPipeline(pipeline) });
        await host.DrainOutboxAsync();

        time.Advance(TimeSpan.FromMinutes(8));
        await host.WaitForStateAsync("nightly-20260101T121500", RunState.Succeeded);
        await host.DrainOutboxAsync();
        time.Advance(TimeSpan.FromMinutes(15));
        await host.WaitForStateAsync("nightly-20260101T123000", RunState.Succeeded);
    }
}
