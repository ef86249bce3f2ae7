using AiWorkload.Messaging.Telemetry;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>The messaging Meter: counts, durations, dead-letters and depth gauges, asserted with an in-process listener.</summary>
public sealed class MetricsTests
{
    private static readonly MessageSource Work = MessageSource.Queue(TestTopology.Work);

    [Fact]
    public async Task Sends_deliveries_durations_dead_letters_and_depths_are_measured()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work).AddHandler<Ping, TestHandler<Ping>>());
        using var metrics = new MetricCollector(bus.Telemetry.Meter);
        bus.Script.OnMessage = (message, _, _) => ((Ping)message).Behavior == "poison" ? throw new PoisonMessageException("bad") : Task.CompletedTask;

        await bus.Bus.SendAsync(new Ping("ok"));
        await bus.Bus.SendAsync(new Ping("bad", "poison"));
        await bus.Bus.SendAsync(new StartPipelineRun("waiting")); // no processor: stays active
        await metrics.WaitForAsync("aiworkload.messaging.dead_lettered.messages");
        await metrics.WaitForAsync("messaging.process.duration", m => m.Tag("messaging.servicebus.disposition_status") is "complete");

        var sent = metrics.Of("messaging.client.sent.messages").Where(m => m.Tag("messaging.destination.name") is "work").ToList();
        Assert.Equal(2, sent.Sum(m => m.Value));
        Assert.All(sent, m => Assert.Equal("servicebus", m.Tag("messaging.system")));
        Assert.All(sent, m => Assert.Equal("send", m.Tag("messaging.operation.name")));
        Assert.Equal(2, metrics.Of("messaging.client.consumed.messages").Sum(m => m.Value));

        var durations = metrics.Of("messaging.process.duration");
        Assert.Equal(["complete", "dead_letter"], durations.Select(m => (string?)m.Tag("messaging.servicebus.disposition_status")).Order());
        Assert.All(durations, m => Assert.True(m.Value >= 0));
        Assert.Equal(typeof(PoisonMessageException).FullName, durations.Single(m => m.Tag("error.type") is not null).Tag("error.type"));

        var dead = Assert.Single(metrics.Of("aiworkload.messaging.dead_lettered.messages"));
        Assert.Equal(DeadLetterReasons.PoisonMessage, dead.Tag("aiworkload.messaging.dead_letter.reason"));
        Assert.Equal("work", dead.Tag("messaging.destination.name"));

        await bus.WaitUntilEmptyAsync(TestTopology.Work);
        await bus.Services.GetRequiredService<EntityDepthMonitor>().RefreshAsync();
        metrics.Observe();
        Assert.Equal(1, Depth(metrics, "aiworkload.messaging.dead_letter_messages", "work"));
        Assert.Equal(0, Depth(metrics, "aiworkload.messaging.active_messages", "work"));
        Assert.Equal(1, Depth(metrics, "aiworkload.messaging.active_messages", "pipeline-runs"));
    }

    private static double Depth(MetricCollector metrics, string gauge, string destination) =>
        metrics.Of(gauge).Last(m => m.Tag("messaging.destination.name") as string == destination && m.Tag("messaging.destination.subscription.name") is null).Value;
}
