using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class ReceiverTests
{
    [Fact]
    public async Task A_peek_lock_receive_locks_the_message_until_it_is_settled()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("locked"));

        await using var receiver = client.CreateReceiver("orders");
        Assert.Equal(ServiceBusReceiveMode.PeekLock, receiver.ReceiveMode);
        var received = await Receiving.ReceiveOneAsync(receiver);

        Assert.InRange(received.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(20), DateTimeOffset.UtcNow.AddSeconds(31));
        Assert.True(Guid.TryParse(received.LockToken, out _));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(1, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task Receive_and_delete_removes_the_message_without_settlement()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("gone"));

        await using var receiver = client.CreateReceiver("orders", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var received = await Receiving.ReceiveOneAsync(receiver);

        Assert.Equal("gone", received.Body.ToString());
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
        await Assert.ThrowsAsync<InvalidOperationException>(() => receiver.CompleteMessageAsync(received));
        Assert.Null(await receiver.PeekMessageAsync());
    }

    [Fact]
    public async Task ReceiveMessagesAsync_returns_several_messages_in_one_call()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessagesAsync(Enumerable.Range(0, 5).Select(i => new ServiceBusMessage($"m-{i}")).ToList());

        await using var receiver = client.CreateReceiver("orders");
        var first = await receiver.ReceiveMessagesAsync(10, TimeSpan.FromSeconds(5));
        var all = first.Concat(await Receiving.ReceiveAllAsync(receiver, 5 - first.Count, TimeSpan.FromSeconds(3))).ToList();

        Assert.True(first.Count > 1, $"the first call returned {first.Count}");
        Assert.Equal(["m-0", "m-1", "m-2", "m-3", "m-4"], all.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task A_receive_that_times_out_returns_nothing_and_a_later_receive_gets_later_messages()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var receiver = client.CreateReceiver("orders");

        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Empty(await receiver.ReceiveMessagesAsync(5, TimeSpan.FromMilliseconds(300)));

        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("one"));
        await sender.SendMessageAsync(new ServiceBusMessage("two"));

        // The client leaves the credit of a timed-out receive outstanding (it drains only session links) and releases what
        // arrives with no receive waiting: released deliveries do not count, and order is not promised off a session.
        var received = await Receiving.ReceiveAllAsync(receiver, 2);
        Assert.Equal(["one", "two"], received.Select(m => m.Body.ToString()).Order());
        Assert.All(received, m => Assert.Equal(1, m.DeliveryCount));
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").DeadLetterMessageCount);
    }

    [Fact]
    public async Task A_receive_waiting_on_an_empty_queue_gets_a_message_sent_meanwhile()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var receiver = client.CreateReceiver("orders");
        await using var sender = client.CreateSender("orders");

        var pending = receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(8));
        await Task.Delay(300);
        await sender.SendMessageAsync(new ServiceBusMessage("meanwhile"));
        var received = await pending;

        Assert.NotNull(received);
        Assert.Equal("meanwhile", received.Body.ToString());
    }

    [Fact]
    public async Task A_prefetching_receiver_gets_every_message_in_order()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessagesAsync(Enumerable.Range(0, 8).Select(i => new ServiceBusMessage($"p-{i}")).ToList());

        await using var receiver = client.CreateReceiver("orders", new ServiceBusReceiverOptions { PrefetchCount = 5 });
        // Prefetched peek-lock deliveries hold credit until they are settled, so settle as they come.
        var received = new List<ServiceBusReceivedMessage>();
        while (received.Count < 8)
        {
            var message = await Receiving.ReceiveOneAsync(receiver, TimeSpan.FromSeconds(5));
            await receiver.CompleteMessageAsync(message);
            received.Add(message);
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"p-{i}"), received.Select(m => m.Body.ToString()));
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task A_topic_subscription_without_filter_receives_every_published_message()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("events");
        await sender.SendMessageAsync(new ServiceBusMessage("e-1"));
        await sender.SendMessageAsync(new ServiceBusMessage("e-2"));

        await using var receiver = client.CreateReceiver("events", "all");
        var received = await Receiving.ReceiveAllAsync(receiver, 2);

        Assert.Equal(["e-1", "e-2"], received.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task The_training_subscription_only_gets_model_training_triggers()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("events");
        var training = new ServiceBusMessage("train") { ApplicationProperties = { ["trigger"] = "model_training" } };
        var other = new ServiceBusMessage("other") { ApplicationProperties = { ["trigger"] = "drift" } };
        await sender.SendMessagesAsync([other, training, new ServiceBusMessage("bare")]);

        await using var trainingReceiver = client.CreateReceiver("events", "training");
        var received = await trainingReceiver.PeekMessagesAsync(10);
        await using var allReceiver = client.CreateReceiver("events", "all");
        var everything = await Receiving.ReceiveAllAsync(allReceiver, 3);

        Assert.Equal(["train"], received.Select(m => m.Body.ToString()));
        Assert.Equal(["other", "train", "bare"], everything.Select(m => m.Body.ToString()));
    }
}
