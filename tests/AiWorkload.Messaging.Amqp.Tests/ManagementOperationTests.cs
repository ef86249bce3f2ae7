using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class ManagementOperationTests
{
    [Fact]
    public async Task PeekMessagesAsync_browses_in_sequence_order_without_locking()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessagesAsync(Enumerable.Range(0, 4).Select(i => new ServiceBusMessage($"k-{i}")).ToList());
        await using var receiver = client.CreateReceiver("orders");

        var peeked = await receiver.PeekMessagesAsync(10);

        Assert.Equal(["k-0", "k-1", "k-2", "k-3"], peeked.Select(m => m.Body.ToString()));
        Assert.Equal(peeked.Select(m => m.SequenceNumber).Order(), peeked.Select(m => m.SequenceNumber));
        Assert.All(peeked, m => Assert.Equal(ServiceBusMessageState.Active, m.State));
        var received = await Receiving.ReceiveAllAsync(receiver, 4);
        Assert.Equal(4, received.Count);
    }

    [Fact]
    public async Task Peeking_continues_after_the_last_peeked_message_and_from_a_given_sequence_number()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessagesAsync(Enumerable.Range(0, 5).Select(i => new ServiceBusMessage($"k-{i}")).ToList());
        await using var receiver = client.CreateReceiver("orders");

        var first = await receiver.PeekMessagesAsync(2);
        var next = await receiver.PeekMessagesAsync(2);
        var from = await receiver.PeekMessagesAsync(10, first[1].SequenceNumber);

        Assert.Equal(["k-0", "k-1"], first.Select(m => m.Body.ToString()));
        Assert.Equal(["k-2", "k-3"], next.Select(m => m.Body.ToString()));
        Assert.Equal(["k-1", "k-2", "k-3", "k-4"], from.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task Peeking_an_empty_queue_returns_nothing()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var receiver = client.CreateReceiver("orders");

        Assert.Null(await receiver.PeekMessageAsync());
        Assert.Empty(await receiver.PeekMessagesAsync(5));
    }

    [Fact]
    public async Task RenewMessageLockAsync_extends_LockedUntil()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("short-lock");
        await sender.SendMessageAsync(new ServiceBusMessage("long work"));
        await using var receiver = client.CreateReceiver("short-lock");

        var received = await Receiving.ReceiveOneAsync(receiver);
        var before = received.LockedUntil;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await receiver.RenewMessageLockAsync(received);

        Assert.True(received.LockedUntil > before.AddMilliseconds(500), $"{received.LockedUntil:O} after {before:O}");
        Assert.InRange(received.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(3), DateTimeOffset.UtcNow.AddSeconds(6));
        await Task.Delay(before - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500));
        await receiver.CompleteMessageAsync(received);
    }

    [Fact]
    public async Task Renewing_the_lock_of_a_completed_message_is_lock_lost()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("x"));
        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver);
        await receiver.CompleteMessageAsync(received);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.RenewMessageLockAsync(received));

        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
    }

    [Fact]
    public async Task Receiving_an_unknown_deferred_sequence_number_is_message_not_found()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var receiver = client.CreateReceiver("orders");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.ReceiveDeferredMessageAsync(12345));

        Assert.Equal(ServiceBusFailureReason.MessageNotFound, error.Reason);
    }

    [Fact]
    public async Task Scheduled_messages_are_scheduled_in_a_batch_and_cancelled_in_a_batch()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var sequenceNumbers = await sender.ScheduleMessagesAsync([new ServiceBusMessage("a"), new ServiceBusMessage("b")], DateTimeOffset.UtcNow.AddMinutes(5));
        await using var receiver = client.CreateReceiver("orders");

        Assert.Equal(2, sequenceNumbers.Count);
        Assert.Equal(2, (await receiver.PeekMessagesAsync(10)).Count);
        await sender.CancelScheduledMessagesAsync(sequenceNumbers);
        Assert.Empty(await receiver.PeekMessagesAsync(10));
    }
}
