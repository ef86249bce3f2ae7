using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class SettlementTests
{
    [Fact]
    public async Task A_completed_message_is_gone()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("done"));
        await using var receiver = client.CreateReceiver("orders");

        var received = await Receiving.ReceiveOneAsync(receiver);
        await receiver.CompleteMessageAsync(received);

        Assert.Null(await receiver.PeekMessageAsync());
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task An_abandoned_message_is_redelivered_with_its_modified_properties()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("again") { ApplicationProperties = { ["attempt"] = "first" } });
        await using var receiver = client.CreateReceiver("orders");

        var first = await Receiving.ReceiveOneAsync(receiver);
        await receiver.AbandonMessageAsync(first, new Dictionary<string, object> { ["attempt"] = "second", ["reason"] = "busy", ["count"] = 2 });
        var second = await Receiving.ReceiveOneAsync(receiver);

        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal("second", second.ApplicationProperties["attempt"]);
        Assert.Equal("busy", second.ApplicationProperties["reason"]);
        Assert.Equal(2, second.ApplicationProperties["count"]);
        Assert.NotEqual(first.LockToken, second.LockToken);
    }

    [Fact]
    public async Task A_deferred_message_is_received_by_its_sequence_number_and_completed()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("deferred"));
        await using var receiver = client.CreateReceiver("orders");

        var received = await Receiving.ReceiveOneAsync(receiver);
        await receiver.DeferMessageAsync(received, new Dictionary<string, object> { ["deferred-by"] = "test" });
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
        var peeked = await receiver.PeekMessageAsync();
        Assert.NotNull(peeked);
        Assert.Equal(ServiceBusMessageState.Deferred, peeked.State);

        var deferred = await receiver.ReceiveDeferredMessageAsync(received.SequenceNumber);
        Assert.Equal("deferred", deferred.Body.ToString());
        Assert.Equal(ServiceBusMessageState.Deferred, deferred.State);
        Assert.Equal("test", deferred.ApplicationProperties["deferred-by"]);
        Assert.True(deferred.LockedUntil > DateTimeOffset.UtcNow);
        await receiver.CompleteMessageAsync(deferred);

        Assert.Null(await receiver.PeekMessageAsync());
    }

    [Fact]
    public async Task Several_deferred_messages_are_received_together_by_their_sequence_numbers()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessagesAsync([new ServiceBusMessage("a"), new ServiceBusMessage("b")]);
        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveAllAsync(receiver, 2);
        foreach (var message in received)
        {
            await receiver.DeferMessageAsync(message);
        }

        var deferred = await receiver.ReceiveDeferredMessagesAsync(received.Select(m => m.SequenceNumber));

        Assert.Equal(["a", "b"], deferred.Select(m => m.Body.ToString()).Order());
    }

    [Fact]
    public async Task A_dead_lettered_message_is_read_from_the_dead_letter_sub_queue_with_its_reason()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("poison") { MessageId = "poison-1" });
        await using var receiver = client.CreateReceiver("orders");

        var received = await Receiving.ReceiveOneAsync(receiver);
        await receiver.DeadLetterMessageAsync(received, "BadFormat", "the body is not JSON");

        await using var deadLetters = client.CreateReceiver("orders", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await Receiving.ReceiveOneAsync(deadLetters);
        Assert.Equal("poison", dead.Body.ToString());
        Assert.Equal("poison-1", dead.MessageId);
        Assert.Equal("BadFormat", dead.DeadLetterReason);
        Assert.Equal("the body is not JSON", dead.DeadLetterErrorDescription);
        await deadLetters.CompleteMessageAsync(dead);
        Assert.Null(await receiver.PeekMessageAsync());
        Assert.Null(await deadLetters.PeekMessageAsync());
    }

    [Fact]
    public async Task A_dead_letter_with_properties_to_modify_keeps_them()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("poison"));
        await using var receiver = client.CreateReceiver("orders");

        var received = await Receiving.ReceiveOneAsync(receiver);
        await receiver.DeadLetterMessageAsync(received, new Dictionary<string, object> { ["stage"] = "parse" }, "Invalid", "bad");

        await using var deadLetters = client.CreateReceiver("orders", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await Receiving.ReceiveOneAsync(deadLetters);
        Assert.Equal("parse", dead.ApplicationProperties["stage"]);
        Assert.Equal("Invalid", dead.DeadLetterReason);
        Assert.Equal("bad", dead.DeadLetterErrorDescription);
    }

    [Fact]
    public async Task A_message_abandoned_past_MaxDeliveryCount_goes_to_the_dead_letter_queue()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("unlucky"));
        await using var receiver = client.CreateReceiver("orders");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var received = await Receiving.ReceiveOneAsync(receiver);
            Assert.Equal(attempt, received.DeliveryCount);
            await receiver.AbandonMessageAsync(received);
        }

        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
        await using var deadLetters = client.CreateReceiver("orders", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await Receiving.ReceiveOneAsync(deadLetters);
        Assert.Equal("unlucky", dead.Body.ToString());
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        // The service sets the dead-letter source only on messages auto-forwarded out of a dead-letter queue.
        Assert.Null(dead.DeadLetterSource);
    }

    [Fact]
    public async Task Completing_after_the_lock_expired_is_lock_lost_and_the_message_is_redelivered()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("short-lock");
        await sender.SendMessageAsync(new ServiceBusMessage("slow"));
        await using var receiver = client.CreateReceiver("short-lock");

        var received = await Receiving.ReceiveOneAsync(receiver);
        Assert.InRange(received.LockedUntil, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(6));
        await Task.Delay(received.LockedUntil - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(received));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
        var again = await Receiving.ReceiveOneAsync(receiver);
        Assert.Equal(received.SequenceNumber, again.SequenceNumber);
        Assert.Equal(2, again.DeliveryCount);
        await receiver.CompleteMessageAsync(again);
    }

    [Fact]
    public async Task Completing_a_message_twice_is_lock_lost()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("once"));
        await using var receiver = client.CreateReceiver("orders");

        var received = await Receiving.ReceiveOneAsync(receiver);
        await receiver.CompleteMessageAsync(received);
        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(received));

        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
    }
}
