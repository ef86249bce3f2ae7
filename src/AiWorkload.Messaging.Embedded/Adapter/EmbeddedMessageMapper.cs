using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>Field-for-field mapping between the port's transport messages and the engine's: the engine is shaped like Service Bus.</summary>
internal static class EmbeddedMessageMapper
{
    public static OutgoingMessage ToOutgoing(TransportMessage message)
    {
        var outgoing = new OutgoingMessage(message.Body)
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            ContentType = message.ContentType,
            SessionId = message.SessionId,
            CorrelationId = message.CorrelationId,
            PartitionKey = message.PartitionKey,
            TimeToLive = message.TimeToLive,
        };
        foreach (var (name, value) in message.ApplicationProperties)
        {
            outgoing.ApplicationProperties[name] = value;
        }

        return outgoing;
    }

    public static TransportReceivedMessage ToTransport(ReceivedMessage message) => new()
    {
        Body = message.Body,
        MessageId = message.MessageId,
        Subject = message.Subject,
        ContentType = message.ContentType,
        SessionId = message.SessionId,
        CorrelationId = message.CorrelationId,
        PartitionKey = message.PartitionKey,
        TimeToLive = message.TimeToLive,
        ApplicationProperties = message.ApplicationProperties,
        SequenceNumber = message.SequenceNumber,
        EnqueuedTime = message.EnqueuedTime,
        ExpiresAt = message.ExpiresAt,
        DeliveryCount = message.DeliveryCount,
        LockedUntil = message.LockedUntil,
        DeadLetterSource = message.DeadLetterSource,
    };
}
