using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class QueueTests
{
    [Fact]
    public async Task Messages_are_received_in_order_with_gap_free_sequence_numbers()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        for (var i = 0; i < 5; i++)
        {
            await bus.SendAsync("jobs", TestEngine.Message($"m{i}"));
        }

        var received = await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero);

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], received.Select(m => m.Text()));
        Assert.Equal([1L, 2, 3, 4, 5], received.Select(m => m.SequenceNumber));
    }

    [Fact]
    public async Task System_and_application_properties_round_trip_with_their_types()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        var message = TestEngine.Message("body", "id-1");
        message.CorrelationId = "corr";
        message.Subject = "ModelTrained";
        message.To = "to";
        message.ReplyTo = "reply";
        message.ReplyToSessionId = "reply-session";
        message.ContentType = "application/json";
        message.TimeToLive = TimeSpan.FromMinutes(5);
        var guid = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));
        message.ApplicationProperties["long"] = 42L;
        message.ApplicationProperties["int"] = 7;
        message.ApplicationProperties["double"] = 0.5;
        message.ApplicationProperties["bool"] = true;
        message.ApplicationProperties["guid"] = guid;
        message.ApplicationProperties["when"] = when;
        message.ApplicationProperties["span"] = TimeSpan.FromSeconds(3);
        message.ApplicationProperties["bytes"] = new byte[] { 1, 2 };
        message.ApplicationProperties["null"] = null;

        await bus.SendAsync("jobs", message);
        var received = await bus.ReceiveOneAsync("jobs");

        Assert.Equal("id-1", received.MessageId);
        Assert.Equal("corr", received.CorrelationId);
        Assert.Equal("ModelTrained", received.Subject);
        Assert.Equal("to", received.To);
        Assert.Equal("reply", received.ReplyTo);
        Assert.Equal("reply-session", received.ReplyToSessionId);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(TimeSpan.FromMinutes(5), received.TimeToLive);
        Assert.Equal(time.GetUtcNow(), received.EnqueuedTime);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(5), received.ExpiresAt);
        Assert.Equal(1, received.DeliveryCount);
        Assert.NotEqual(Guid.Empty, received.LockToken);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(1), received.LockedUntil);
        Assert.Equal(MessageState.Active, received.State);
        Assert.Equal(42L, received.ApplicationProperties["long"]);
        Assert.Equal(7, received.ApplicationProperties["int"]);
        Assert.Equal(0.5, received.ApplicationProperties["double"]);
        Assert.Equal(true, received.ApplicationProperties["bool"]);
        Assert.Equal(guid, received.ApplicationProperties["guid"]);
        Assert.Equal(when, received.ApplicationProperties["when"]);
        Assert.Equal(TimeSpan.FromSeconds(3), received.ApplicationProperties["span"]);
        Assert.Equal(new byte[] { 1, 2 }, received.ApplicationProperties["bytes"]);
        Assert.Null(received.ApplicationProperties["null"]);
    }

    [Fact]
    public async Task A_message_without_an_id_gets_one()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", TestEngine.Message("x"));
        var received = await bus.ReceiveOneAsync("jobs");
        Assert.Equal(32, received.MessageId.Length);
    }

    [Fact]
    public async Task A_locked_message_is_invisible_to_other_receivers()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", TestEngine.Message("only"));
        await bus.ReceiveOneAsync("jobs");
        await bus.AssertEmptyAsync("jobs");
    }

    [Fact]
    public async Task Receive_and_delete_removes_the_message_as_it_is_delivered()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", TestEngine.Message("once"));
        var received = await bus.ReceiveOneAsync("jobs", ReceiveMode.ReceiveAndDelete);
        Assert.Equal(Guid.Empty, received.LockToken);
        Assert.Empty(bus.Peek("jobs", 0, 10));
    }

    [Fact]
    public async Task Batch_receive_returns_at_most_the_requested_count()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", Enumerable.Range(0, 10).Select(i => TestEngine.Message($"{i}")).ToList());
        Assert.Equal(4, (await bus.ReceiveAsync("jobs", 4, TimeSpan.Zero)).Count);
        Assert.Equal(6, (await bus.ReceiveAsync("jobs", 100, TimeSpan.Zero)).Count);
    }

    [Fact]
    public async Task A_waiting_receiver_is_woken_by_a_send_without_polling()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), TimeProvider.System);
        var receive = bus.ReceiveAsync("jobs", 1, TimeSpan.FromSeconds(30));
        await Task.Delay(50);
        Assert.False(receive.IsCompleted);
        await bus.SendAsync("jobs", TestEngine.Message("wake"));
        var received = await receive.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("wake", Assert.Single(received).Text());
    }

    [Fact]
    public async Task A_receive_with_nothing_to_deliver_returns_empty_when_its_wait_elapses()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        var receive = bus.ReceiveAsync("jobs", 1, TimeSpan.FromSeconds(10));
        await Task.Delay(20);
        Assert.False(receive.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(await receive.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Cancelling_a_waiting_receive_throws_OperationCanceledException()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), TimeProvider.System);
        using var cancel = new CancellationTokenSource();
        var receive = bus.ReceiveAsync("jobs", 1, TimeSpan.FromMinutes(1), cancellationToken: cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receive.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Peek_returns_messages_from_a_sequence_number_in_every_state_without_locking()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        await bus.SendAsync("jobs", Enumerable.Range(0, 4).Select(i => TestEngine.Message($"{i}")).ToList());
        var locked = await bus.ReceiveOneAsync("jobs");
        await bus.DeferAsync("jobs", (await bus.ReceiveOneAsync("jobs")).LockToken);

        var peeked = bus.Peek("jobs", 1, 10);

        Assert.Equal([1L, 2, 3, 4], peeked.Select(m => m.SequenceNumber));
        Assert.Equal(MessageState.Deferred, peeked[1].State);
        Assert.All(peeked, m => Assert.Equal(Guid.Empty, m.LockToken));
        Assert.Equal([3L, 4], bus.Peek("jobs", 3, 10).Select(m => m.SequenceNumber));
        await bus.CompleteAsync("jobs", locked.LockToken);
    }

    [Fact]
    public async Task Sending_to_an_unknown_entity_names_it()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"));
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("nope", TestEngine.Message("x")));
        Assert.Equal(MessagingErrorReason.MessagingEntityNotFound, error.Reason);
        Assert.Equal("nope", error.EntityPath);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entity_paths_are_case_insensitive()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("Jobs"));
        await bus.SendAsync("JOBS", TestEngine.Message("x"));
        Assert.Equal("x", (await bus.ReceiveOneAsync("jobs")).Text());
    }
}
