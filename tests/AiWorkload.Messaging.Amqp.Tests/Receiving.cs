using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

/// <summary>Small waits shared by the conformance tests.</summary>
internal static class Receiving
{
    public static async Task<List<ServiceBusReceivedMessage>> ReceiveAllAsync(ServiceBusReceiver receiver, int count, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        var received = new List<ServiceBusReceivedMessage>();
        while (received.Count < count && DateTimeOffset.UtcNow < deadline)
        {
            var batch = await receiver.ReceiveMessagesAsync(count - received.Count, TimeSpan.FromSeconds(2));
            received.AddRange(batch);
        }

        return received;
    }

    public static async Task<ServiceBusReceivedMessage> ReceiveOneAsync(ServiceBusReceiver receiver, TimeSpan? within = null)
    {
        var message = await receiver.ReceiveMessageAsync(within ?? TimeSpan.FromSeconds(10));
        Assert.NotNull(message);
        return message;
    }

    public static ServiceBusClientOptions NoRetries(TimeSpan tryTimeout) => new()
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, Delay = TimeSpan.FromMilliseconds(100), TryTimeout = tryTimeout },
    };
}
