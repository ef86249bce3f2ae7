using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class RuntimePropertiesTests
{
    [Fact]
    public async Task Counts_reflect_every_state_without_receiving()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        await bus.SendAsync("jobs", [TestEngine.Message("a"), TestEngine.Message("b"), TestEngine.Message("c"), TestEngine.Message("d")]);
        await bus.ScheduleAsync("jobs", TestEngine.Message("later"), time.GetUtcNow().AddHours(1));
        await bus.ReceiveOneAsync("jobs");
        await bus.DeferAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken);
        await bus.DeadLetterAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken, "bad");

        var counts = bus.GetRuntimeProperties("jobs");

        Assert.Equal((2L, 1L, 1L, 1L, 1L, 0L), (counts.ActiveMessageCount, counts.LockedMessageCount, counts.DeferredMessageCount,
            counts.ScheduledMessageCount, counts.DeadLetterMessageCount, counts.TransferDeadLetterMessageCount));
        Assert.Equal(5, counts.TotalMessageCount);
    }
}
