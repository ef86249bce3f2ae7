using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Serialization;

internal sealed class MessageType<T>(
    string subject,
    string destination,
    MessageKind kind,
    JsonTypeInfo<T> jsonTypeInfo,
    MessageConventions<T> conventions)
    : MessageType(typeof(T), subject, destination, kind)
    where T : class
{
    public override TransportMessage CreateTransportMessage(object message, MessageOptions? options)
    {
        var typed = (T)message;
        var messageId = options?.MessageId ?? conventions.MessageId?.Invoke(typed)
            ?? throw new InvalidOperationException(
                $"{typeof(T).Name} has no MessageId. Pass MessageOptions.MessageId, or register an idempotency key with IdentifiedBy(...): " +
                "duplicate detection only works when the sender chooses the id.");
        MessageIds.Check(messageId, typeof(T));
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal) { [MessageProperties.EventType] = Subject };
        foreach (var (name, value) in conventions.Properties)
        {
            properties[name] = value(typed);
        }

        foreach (var (name, value) in options?.Properties ?? new Dictionary<string, object?>())
        {
            properties[name] = value;
        }

        foreach (var (name, value) in properties)
        {
            ApplicationPropertyTypes.Check(name, value, typeof(T));
        }

        return new TransportMessage
        {
            Body = Serialize(message),
            MessageId = messageId,
            Subject = Subject,
            ContentType = MessageContentTypes.Json,
            SessionId = options?.SessionId ?? conventions.SessionId?.Invoke(typed),
            CorrelationId = options?.CorrelationId ?? conventions.CorrelationId?.Invoke(typed),
            TimeToLive = options?.TimeToLive ?? conventions.TimeToLive,
            ApplicationProperties = properties,
        };
    }

    public override object Deserialize(ReadOnlyMemory<byte> body) =>
        JsonSerializer.Deserialize(body.Span, jsonTypeInfo)
        ?? throw new JsonException($"The body is JSON null, not a {typeof(T).Name}.");

    public override byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes((T)message, jsonTypeInfo);
}
