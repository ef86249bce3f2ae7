using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class SendReceiveTests
{
    [Fact]
    public async Task A_message_sent_with_the_sdk_is_received_and_completed()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("hello") { MessageId = "m-1", Subject = "greeting" });

        await using var receiver = client.CreateReceiver("orders");
        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(received);
        Assert.Equal("hello", received.Body.ToString());
        Assert.Equal("m-1", received.MessageId);
        Assert.Equal("greeting", received.Subject);
        Assert.Equal(1, received.DeliveryCount);
        Assert.NotEqual(Guid.Empty.ToString(), received.LockToken);
        await receiver.CompleteMessageAsync(received);
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }
}
