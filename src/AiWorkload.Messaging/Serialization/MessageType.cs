using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Serialization;

/// <summary>A registered message type: its Subject on the wire, where it is sent, and how it is (de)serialized.</summary>
internal abstract class MessageType(Type clrType, string subject, string destination, MessageKind kind)
{
    public Type ClrType { get; } = clrType;

    /// <summary>The Subject on the wire; receivers find the type by it.</summary>
    public string Subject { get; } = subject;

    /// <summary>The topic (events) or queue (commands) this type goes to.</summary>
    public string Destination { get; } = destination;

    public MessageKind Kind { get; } = kind;

    public abstract TransportMessage CreateTransportMessage(object message, MessageOptions? options);

    /// <summary>Throws <see cref="System.Text.Json.JsonException"/> (or NotSupportedException) for a body that is not this type.</summary>
    public abstract object Deserialize(ReadOnlyMemory<byte> body);

    public abstract byte[] Serialize(object message);
}
