using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class ExpiryTests
{
    [Fact]
    public async Task An_expired_message_is_never_delivered_and_is_dropped_without_dead_lettering()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        var message = TestEngine.Message("stale");
        message.TimeToLive = TimeSpan.FromSeconds(10);
        await bus.SendAsync("jobs", [message, TestEngine.Message("fresh")]);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("fresh", Assert.Single(await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero)).Text());
        await bus.AssertEmptyAsync(EntityPaths.DeadLetter("jobs"));
    }

    [Fact]
    public async Task An_expired_message_is_dead_lettered_when_the_entity_says_so()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { DeadLetteringOnMessageExpiration = true }, time);
        var message = TestEngine.Message("stale");
        message.TimeToLive = TimeSpan.FromSeconds(10);
        await bus.SendAsync("jobs", message);

        time.Advance(TimeSpan.FromSeconds(11));

        await bus.AssertEmptyAsync("jobs");
        var dead = await bus.ReceiveOneAsync(EntityPaths.DeadLetter("jobs"));
        Assert.Equal(DeadLetterProperties.TtlExpired, dead.DeadLetterReason);
        Assert.Equal("stale", dead.Text());
    }

    [Fact]
    public async Task A_message_TTL_is_capped_by_the_entity_default()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { DefaultMessageTimeToLive = TimeSpan.FromMinutes(1) }, time);
        var message = TestEngine.Message("x");
        message.TimeToLive = TimeSpan.FromHours(1);
        await bus.SendAsync("jobs", [message, TestEngine.Message("default")]);

        var received = await bus.ReceiveAsync("jobs", 2, TimeSpan.Zero);

        Assert.All(received, m => Assert.Equal(TimeSpan.FromMinutes(1), m.TimeToLive));
        Assert.All(received, m => Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(1), m.ExpiresAt));
    }

    [Fact]
    public async Task A_locked_message_can_still_be_completed_after_its_TTL_while_the_lock_holds()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        var message = TestEngine.Message("x");
        message.TimeToLive = TimeSpan.FromSeconds(10);
        await bus.SendAsync("jobs", message);
        var received = await bus.ReceiveOneAsync("jobs");

        time.Advance(TimeSpan.FromSeconds(20));

        await bus.CompleteAsync("jobs", received.LockToken);
    }
}
