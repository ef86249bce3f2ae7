using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AiWorkload.Messaging;

namespace AiWorkload.Ingestion.Outbox;

/// <summary>How one message type is written to the outbox and sent from it: by name, as its contract JSON.</summary>
internal sealed class OutboxMessageType(string name, Type clrType, Func<object, string> messageId, Func<object, string> serialize, Func<IMessageBus, string, CancellationToken, Task> send)
{
    public string Name { get; } = name;

    public Type ClrType { get; } = clrType;

    public string MessageId(object message) => messageId(message);

    public string Serialize(object message) => serialize(message);

    /// <summary>Throws <see cref="JsonException"/> for a payload that is not this type: it can never be sent.</summary>
    public Task SendAsync(IMessageBus bus, string payload, CancellationToken cancellationToken) => send(bus, payload, cancellationToken);

    public static OutboxMessageType Event<T>(JsonTypeInfo<T> json, Func<T, string> messageId)
        where T : class =>
        new(typeof(T).Name, typeof(T), m => messageId((T)m), m => JsonSerializer.Serialize((T)m, json),
            (bus, payload, ct) => bus.PublishAsync(Deserialize(payload, json), cancellationToken: ct));

    public static OutboxMessageType Command<T>(JsonTypeInfo<T> json, Func<T, string> messageId)
        where T : class =>
        new(typeof(T).Name, typeof(T), m => messageId((T)m), m => JsonSerializer.Serialize((T)m, json),
            (bus, payload, ct) => bus.SendAsync(Deserialize(payload, json), cancellationToken: ct));

    private static T Deserialize<T>(string payload, JsonTypeInfo<T> json)
        where T : class =>
        JsonSerializer.Deserialize(payload, json) ?? throw new JsonException($"The outbox payload is JSON null, not a {typeof(T).Name}.");
}
