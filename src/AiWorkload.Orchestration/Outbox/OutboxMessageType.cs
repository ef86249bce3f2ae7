using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Orchestration.Outbox;

/// <summary>An outbox message type over the same source-generated JSON contract the bus uses for it.</summary>
public sealed class OutboxMessageType<T>(JsonTypeInfo<T> json) : IOutboxMessageType
    where T : class
{
    public Type ClrType => typeof(T);

    public string Name => typeof(T).Name;

    public string Serialize(object message) => JsonSerializer.Serialize((T)message, json);

    public Task SendAsync(IMessageBus bus, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(entry);
        var message = Deserialize(entry);
        return entry.Delivery == OutboxDelivery.Publish
            ? bus.PublishAsync(message, Options(entry), cancellationToken)
            : bus.SendAsync(message, Options(entry), cancellationToken);
    }

    public Task<ScheduledMessage> ScheduleAsync(IMessageBus bus, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(entry);
        return bus.ScheduleAsync(Deserialize(entry), entry.EnqueueAt ?? DateTimeOffset.MinValue, Options(entry), cancellationToken);
    }

    private T Deserialize(OutboxEntry entry) => JsonSerializer.Deserialize(entry.Payload, json)
        ?? throw new JsonException($"Outbox entry {entry.Id} holds no {Name}.");

    private static MessageOptions Options(OutboxEntry entry) => new() { MessageId = entry.MessageId, CorrelationId = entry.CorrelationId };
}
