using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class SettlementTests
{
    [Fact]
    public async Task Complete_removes_the_message()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        await bus.CompleteAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken);
        Assert.Empty(bus.Peek("jobs", 0, 10));
    }

    [Fact]
    public async Task Abandon_returns_the_message_with_its_delivery_count_and_modified_properties()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        var first = await bus.ReceiveOneAsync("jobs");
        await bus.AbandonAsync("jobs", first.LockToken, new Dictionary<string, object?> { ["attempt"] = 1L });

        var second = await bus.ReceiveOneAsync("jobs");

        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal(1L, second.ApplicationProperties["attempt"]);
        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.NotEqual(first.LockToken, second.LockToken);
    }

    [Fact]
    public async Task The_message_is_dead_lettered_when_its_deliveries_reach_MaxDeliveryCount()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { MaxDeliveryCount = 3 });
        await bus.SendAsync("jobs", TestEngine.Message("poison"));
        for (var i = 0; i < 3; i++)
        {
            await bus.AbandonAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken);
        }

        await bus.AssertEmptyAsync("jobs");
        var dead = await bus.ReceiveOneAsync(EntityPaths.DeadLetter("jobs"));
        Assert.Equal("poison", dead.Text());
        Assert.Equal(DeadLetterProperties.MaxDeliveryCountExceeded, dead.DeadLetterReason);
        Assert.Contains("3 delivery attempts", dead.DeadLetterErrorDescription, StringComparison.Ordinal);
        Assert.Equal(3, dead.DeliveryCount - 1);
    }

    [Fact]
    public async Task MaxDeliveryCount_is_not_capped_at_ten()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { MaxDeliveryCount = 25 });
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        for (var i = 0; i < 24; i++)
        {
            await bus.AbandonAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken);
        }

        Assert.Equal(25, (await bus.ReceiveOneAsync("jobs")).DeliveryCount);
    }

    [Fact]
    public async Task Dead_letter_carries_reason_description_and_is_readable_completable_and_resendable()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", TestEngine.Message("bad", "m-1"));
        await bus.DeadLetterAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken, "SchemaMismatch", "column 'age' is missing");

        var dlq = EntityPaths.DeadLetter("jobs");
        var dead = await bus.ReceiveOneAsync(dlq);
        Assert.Equal("SchemaMismatch", dead.DeadLetterReason);
        Assert.Equal("column 'age' is missing", dead.DeadLetterErrorDescription);
        Assert.Equal("m-1", dead.MessageId);

        var resend = new OutgoingMessage(dead.Body) { MessageId = dead.MessageId };
        await bus.SendAsync("jobs", resend);
        await bus.CompleteAsync(dlq, dead.LockToken);

        Assert.Equal("bad", (await bus.ReceiveOneAsync("jobs")).Text());
        await bus.AssertEmptyAsync(dlq);
    }

    [Fact]
    public async Task A_dead_letter_queue_never_dead_letters_its_own_messages()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { MaxDeliveryCount = 1 });
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        await bus.AbandonAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken);
        var dlq = EntityPaths.DeadLetter("jobs");
        for (var i = 0; i < 5; i++)
        {
            await bus.AbandonAsync(dlq, (await bus.ReceiveOneAsync(dlq)).LockToken);
        }

        Assert.Single(bus.Peek(dlq, 0, 10));
    }

    [Fact]
    public async Task Deferred_messages_are_only_received_by_sequence_number()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", [TestEngine.Message("later"), TestEngine.Message("now")]);
        var later = await bus.ReceiveOneAsync("jobs");
        await bus.DeferAsync("jobs", later.LockToken);

        Assert.Equal("now", (await bus.ReceiveOneAsync("jobs")).Text());
        await bus.AssertEmptyAsync("jobs");

        var deferred = Assert.Single(await bus.ReceiveDeferredAsync("jobs", [later.SequenceNumber]));
        Assert.Equal("later", deferred.Text());
        Assert.Equal(MessageState.Deferred, deferred.State);
        await bus.CompleteAsync("jobs", deferred.LockToken);
        var missing = await Assert.ThrowsAsync<MessagingException>(() => bus.ReceiveDeferredAsync("jobs", [later.SequenceNumber]));
        Assert.Equal(MessagingErrorReason.MessageNotFound, missing.Reason);
    }

    [Fact]
    public async Task Settling_with_an_expired_lock_fails_with_lock_lost_and_counts_as_an_abandon()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { LockDuration = TimeSpan.FromSeconds(30) }, time);
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        var received = await bus.ReceiveOneAsync("jobs");

        time.Advance(TimeSpan.FromSeconds(31));

        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.CompleteAsync("jobs", received.LockToken));
        Assert.Equal(MessagingErrorReason.MessageLockLost, error.Reason);
        Assert.Equal("jobs", error.EntityPath);
        var again = await bus.ReceiveOneAsync("jobs");
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task An_unknown_lock_token_is_lock_lost_not_a_silent_success()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        var received = await bus.ReceiveOneAsync("jobs");
        await bus.CompleteAsync("jobs", received.LockToken);

        foreach (var settle in new Func<Task>[]
                 {
                     () => bus.CompleteAsync("jobs", received.LockToken),
                     () => bus.AbandonAsync("jobs", Guid.NewGuid()),
                     () => bus.DeadLetterAsync("jobs", Guid.NewGuid()),
                     () => bus.DeferAsync("jobs", Guid.NewGuid()),
                     () => bus.RenewLockAsync("jobs", Guid.NewGuid()),
                 })
        {
            Assert.Equal(MessagingErrorReason.MessageLockLost, (await Assert.ThrowsAsync<MessagingException>(settle)).Reason);
        }
    }

    [Fact]
    public async Task Renewing_a_lock_keeps_the_message_past_its_first_lock_duration()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { LockDuration = TimeSpan.FromSeconds(30) }, time);
        await bus.SendAsync("jobs", TestEngine.Message("long job"));
        var received = await bus.ReceiveOneAsync("jobs");
        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromSeconds(20));
            var lockedUntil = await bus.RenewLockAsync("jobs", received.LockToken);
            Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(30), lockedUntil);
            await bus.AssertEmptyAsync("jobs");
        }

        await bus.CompleteAsync("jobs", received.LockToken);
        Assert.Empty(bus.Peek("jobs", 0, 10));
    }

    [Fact]
    public async Task An_expired_lock_returns_the_message_to_waiting_receivers()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs") { LockDuration = TimeSpan.FromSeconds(30) }, time);
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        await bus.ReceiveOneAsync("jobs");
        var waiting = bus.ReceiveAsync("jobs", 1, TimeSpan.FromMinutes(5));
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(2, Assert.Single(await waiting.WaitAsync(TimeSpan.FromSeconds(5))).DeliveryCount);
    }
}
