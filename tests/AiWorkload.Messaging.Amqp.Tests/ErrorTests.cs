using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task Sending_to_an_unknown_queue_is_entity_not_found()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("no-such-queue");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task Sending_past_the_entity_size_is_quota_exceeded_and_the_batch_is_refused_whole()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(10)));
        await using var sender = client.CreateSender("tiny");
        var body = new byte[100 * 1024];
        for (var i = 0; i < 9; i++)
        {
            await sender.SendMessageAsync(new ServiceBusMessage(body));
        }

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessagesAsync([new ServiceBusMessage(body), new ServiceBusMessage(body)]));

        Assert.Equal(ServiceBusFailureReason.QuotaExceeded, error.Reason);
        Assert.Contains("tiny", error.Message, StringComparison.Ordinal);
        Assert.Equal(9, bus.Engine.GetRuntimeProperties("tiny").ActiveMessageCount);
    }

    [Fact]
    public async Task Receiving_from_an_unknown_subscription_is_entity_not_found()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var receiver = client.CreateReceiver("events", "no-such-subscription");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task Peeking_an_unknown_queue_is_entity_not_found()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var receiver = client.CreateReceiver("no-such-queue");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.PeekMessageAsync());

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task A_message_larger_than_the_limit_is_message_size_exceeded()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("orders");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage(new byte[300 * 1024])));

        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, error.Reason);
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task A_batch_refuses_a_message_larger_than_the_link_allows()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        using var batch = await sender.CreateMessageBatchAsync();

        Assert.Equal(256 * 1024, batch.MaxSizeInBytes);
        Assert.True(batch.TryAddMessage(new ServiceBusMessage(new byte[100 * 1024])));
        Assert.False(batch.TryAddMessage(new ServiceBusMessage(new byte[200 * 1024])));
        Assert.Equal(1, batch.Count);
    }

    [Fact]
    public async Task Sending_without_a_session_id_to_a_session_queue_is_refused()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("sessions");

        // The engine reports InvalidMessage (com.microsoft:argument-error), which the SDK surfaces as ArgumentException;
        // the cloud service answers InvalidOperationException here.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendMessageAsync(new ServiceBusMessage("no session")));

        Assert.Contains("SessionId", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("sessions").ActiveMessageCount);
    }

    [Fact]
    public async Task A_non_session_receiver_on_a_session_queue_is_refused()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("sessions");
        await sender.SendMessageAsync(new ServiceBusMessage("s") { SessionId = "s" });
        await using var receiver = client.CreateReceiver("sessions");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1)));

        Assert.True(error is InvalidOperationException, error.ToString());
    }

    [Fact]
    public async Task A_session_receiver_on_a_queue_without_sessions_is_refused()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.AcceptSessionAsync("orders", "s"));

        Assert.True(error is InvalidOperationException, error.ToString());
    }
}
