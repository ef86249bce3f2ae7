using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Messages_topology_sequences_and_states_survive_a_restart()
    {
        using var directory = new TemporaryDirectory();
        var time = new ManualTimeProvider();
        long scheduled;
        await using (var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { MaxDeliveryCount = 7 }, time, directory.Path))
        {
            await bus.SendAsync("jobs", [TestEngine.Message("a"), TestEngine.Message("b"), TestEngine.Message("c")]);
            await bus.DeferAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken);
            await bus.DeadLetterAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken, "why", "because");
            scheduled = await bus.ScheduleAsync("jobs", TestEngine.Message("d"), time.GetUtcNow().AddMinutes(1));
        }

        await using (var bus = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions { DataDirectory = directory.Path, TimeProvider = time }))
        {
            Assert.Equal(7, bus.GetQueue("jobs").MaxDeliveryCount);
            var c = await bus.ReceiveOneAsync("jobs");
            Assert.Equal("c", c.Text());
            Assert.Equal(3, c.SequenceNumber);
            await bus.CompleteAsync("jobs", c.LockToken);
            var dead = await bus.ReceiveOneAsync(EntityPaths.DeadLetter("jobs"));
            Assert.Equal(("b", "why", "because"), (dead.Text(), dead.DeadLetterReason, dead.DeadLetterErrorDescription));
            Assert.Equal("a", Assert.Single(await bus.ReceiveDeferredAsync("jobs", [1])).Text());

            await bus.SendAsync("jobs", TestEngine.Message("e"));
            Assert.Equal(scheduled + 1, bus.Peek("jobs", scheduled + 1, 1)[0].SequenceNumber);
            time.Advance(TimeSpan.FromMinutes(1));
            var activated = await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero);
            Assert.Equal(["e", "d"], activated.Select(m => m.Text()));
        }
    }

    [Fact]
    public async Task Messages_locked_at_shutdown_come_back_with_their_delivery_count()
    {
        using var directory = new TemporaryDirectory();
        await using (var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), dataDirectory: directory.Path))
        {
            await bus.SendAsync("jobs", TestEngine.Message("in flight"));
            await bus.ReceiveOneAsync("jobs");
        }

        await using (var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), dataDirectory: directory.Path))
        {
            Assert.Equal(2, (await bus.ReceiveOneAsync("jobs")).DeliveryCount);
        }
    }

    [Fact]
    public async Task A_message_that_was_locked_at_its_last_allowed_delivery_is_dead_lettered_on_recovery()
    {
        using var directory = new TemporaryDirectory();
        var queue = new QueueDefinition("jobs") { MaxDeliveryCount = 2 };
        for (var crash = 0; crash < 2; crash++)
        {
            await using var bus = await TestEngine.OpenWithQueueAsync(queue, dataDirectory: directory.Path);
            if (crash == 0)
            {
                await bus.SendAsync("jobs", TestEngine.Message("crashes its consumer"));
            }

            await bus.ReceiveOneAsync("jobs");
        }

        await using (var bus = await TestEngine.OpenWithQueueAsync(queue, dataDirectory: directory.Path))
        {
            await bus.AssertEmptyAsync("jobs");
            Assert.Equal("MaxDeliveryCountExceeded", (await bus.ReceiveOneAsync(EntityPaths.DeadLetter("jobs"))).DeadLetterReason);
        }
    }

    [Fact]
    public async Task Duplicate_detection_history_survives_a_restart()
    {
        using var directory = new TemporaryDirectory();
        var queue = new QueueDefinition("jobs") { RequiresDuplicateDetection = true };
        await using (var bus = await TestEngine.OpenWithQueueAsync(queue, dataDirectory: directory.Path))
        {
            await bus.SendAsync("jobs", TestEngine.Message("first", "k"));
        }

        await using (var bus = await TestEngine.OpenWithQueueAsync(queue, dataDirectory: directory.Path))
        {
            await bus.SendAsync("jobs", TestEngine.Message("again", "k"));
            Assert.Equal("first", Assert.Single(await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero)).Text());
        }
    }

    [Fact]
    public async Task A_second_engine_on_the_same_directory_is_refused()
    {
        using var directory = new TemporaryDirectory();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), dataDirectory: directory.Path);
        var error = await Assert.ThrowsAsync<MessagingException>(() => TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), dataDirectory: directory.Path));
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_settings_in_the_topology_update_an_existing_entity()
    {
        using var directory = new TemporaryDirectory();
        await using (await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { MaxDeliveryCount = 3 }, dataDirectory: directory.Path))
        {
        }

        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { MaxDeliveryCount = 9 }, dataDirectory: directory.Path);
        Assert.Equal(9, bus.GetQueue("jobs").MaxDeliveryCount);
    }
}
