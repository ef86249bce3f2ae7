using AiWorkload.Messaging.Serialization;

namespace AiWorkload.Messaging.DeadLetters;

/// <summary>The copy about to be resubmitted, editable by <see cref="ResubmitOptions.Fix"/>.</summary>
public sealed class ResubmittedMessage
{
    private readonly MessageTypeRegistry _types;

    internal ResubmittedMessage(DeadLetteredMessage original, MessageTypeRegistry types)
    {
        _types = types;
        Original = original;
        Body = original.Body;
        Subject = original.Subject;
        SessionId = original.SessionId;
        CorrelationId = original.CorrelationId;
        ContentType = original.ContentType;
    }

    public DeadLetteredMessage Original { get; }

    public ReadOnlyMemory<byte> Body { get; set; }

    public string? Subject { get; set; }

    public string? SessionId { get; set; }

    public string? CorrelationId { get; set; }

    public string? ContentType { get; set; }

    /// <summary>Application properties of the copy; the dead-letter reason and retry bookkeeping are already removed.</summary>
    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the body as a registered message type; throws if it is not valid JSON for it.</summary>
    public T ReadBody<T>()
        where T : class => (T)_types.Get(typeof(T)).Deserialize(Body);

    /// <summary>Replaces the body with <paramref name="message"/>, and the Subject and event type with its type's.</summary>
    public void WriteBody<T>(T message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = _types.Get(typeof(T));
        Body = type.Serialize(message);
        Subject = type.Subject;
        ContentType = MessageContentTypes.Json;
        Properties[MessageProperties.EventType] = type.Subject;
    }
}
