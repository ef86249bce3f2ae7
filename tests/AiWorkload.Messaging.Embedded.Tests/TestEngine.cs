using System.Text;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

/// <summary>Opens engines for tests: in memory with a manual clock by default, durable on request.</summary>
internal static class TestEngine
{
    public static Task<EmbeddedServiceBus> OpenAsync(TopologyModel topology, TimeProvider? time = null, string? dataDirectory = null) =>
        EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions
        {
            Topology = topology,
            TimeProvider = time ?? new ManualTimeProvider(),
            DataDirectory = dataDirectory,
        });

    public static Task<EmbeddedServiceBus> OpenWithQueueAsync(QueueDefinition queue, TimeProvider? time = null, string? dataDirectory = null) =>
        OpenAsync(new TopologyModel([queue], []), time, dataDirectory);

    public static OutgoingMessage Message(string text, string? messageId = null, string? sessionId = null) =>
        new(Encoding.UTF8.GetBytes(text)) { MessageId = messageId, SessionId = sessionId };

    public static string Text(this ReceivedMessage message) => Encoding.UTF8.GetString(message.Body.Span);

    public static async Task<ReceivedMessage> ReceiveOneAsync(this EmbeddedServiceBus bus, string path, ReceiveMode mode = ReceiveMode.PeekLock)
    {
        var received = await bus.ReceiveAsync(path, 1, TimeSpan.Zero, mode);
        Assert.Single(received);
        return received[0];
    }

    public static async Task AssertEmptyAsync(this EmbeddedServiceBus bus, string path) =>
        Assert.Empty(await bus.ReceiveAsync(path, 10, TimeSpan.Zero));
}
