using System.Runtime.InteropServices;
using AiWorkload.Messaging.Embedded.Messages;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Messages;

/// <summary>Writes the engine's delivered or peeked messages as Service Bus puts them on the wire.</summary>
internal static class OutgoingMessages
{
    public static AmqpMessage ToAmqp(ReceivedMessage source, bool peeked = false)
    {
        var message = CreateWithBody(source);
        message.Properties.MessageId = source.MessageId;
        message.Properties.CorrelationId = source.CorrelationId;
        message.Properties.GroupId = source.SessionId;
        message.Properties.ReplyToGroupId = source.ReplyToSessionId;
        message.Properties.Subject = source.Subject;
        message.Properties.To = source.To;
        message.Properties.ReplyTo = source.ReplyTo;
        message.Properties.ContentType = source.ContentType;
        message.Properties.CreationTime = source.EnqueuedTime.UtcDateTime;
        if (source.ExpiresAt < DateTimeOffset.MaxValue)
        {
            message.Properties.AbsoluteExpiryTime = source.ExpiresAt.UtcDateTime;
        }

        if (source.TimeToLive.TotalMilliseconds < uint.MaxValue)
        {
            message.Header.Ttl = (uint)source.TimeToLive.TotalMilliseconds;
        }

        // Clients add one to what they read for a delivery: the header counts earlier failed deliveries.
        message.Header.DeliveryCount = (uint)Math.Max(0, peeked ? source.DeliveryCount : source.DeliveryCount - 1);
        message.Header.Durable = true;

        var annotations = message.MessageAnnotations.Map;
        annotations[AnnotationNames.SequenceNumber] = source.SequenceNumber;
        annotations[AnnotationNames.EnqueueSequenceNumber] = source.SequenceNumber;
        annotations[AnnotationNames.EnqueuedTime] = source.EnqueuedTime.UtcDateTime;
        annotations[AnnotationNames.MessageState] = (int)source.State;
        if (source.LockToken != Guid.Empty)
        {
            annotations[AnnotationNames.LockedUntil] = source.LockedUntil.UtcDateTime;
        }

        if (source.ScheduledEnqueueTime is { } scheduled)
        {
            annotations[AnnotationNames.ScheduledEnqueueTime] = scheduled.UtcDateTime;
        }

        if (source.PartitionKey is not null)
        {
            annotations[AnnotationNames.PartitionKey] = source.PartitionKey;
        }

        if (source.DeadLetterSource is not null)
        {
            annotations[AnnotationNames.DeadLetterSource] = source.DeadLetterSource;
        }

        if (source.ApplicationProperties.Count > 0)
        {
            message.ApplicationProperties = new ApplicationProperties();
            foreach (var (key, value) in source.ApplicationProperties)
            {
                message.ApplicationProperties.Map[key] = PropertyValues.ToAmqp(value);
            }
        }

        return message;
    }

    /// <summary>The message encoded whole, as peek and receive-by-sequence-number return it inside their response maps.</summary>
    public static ArraySegment<byte> Encode(AmqpMessage message)
    {
        using (message)
        {
            var payload = message.GetPayload();
            var length = payload.Sum(s => s.Count);
            var bytes = new byte[length];
            var offset = 0;
            foreach (var segment in payload)
            {
                segment.AsSpan().CopyTo(bytes.AsSpan(offset));
                offset += segment.Count;
            }

            return bytes;
        }
    }

    private static AmqpMessage CreateWithBody(ReceivedMessage source)
    {
        switch (source.BodyKind)
        {
            case MessageBodyKind.AmqpValue:
            case MessageBodyKind.AmqpSequence:
                using (var sections = IncomingMessages.Decode(source.Body.ToArray()))
                {
                    return source.BodyKind == MessageBodyKind.AmqpValue
                        ? AmqpMessage.Create(new AmqpValue { Value = sections.ValueBody.Value })
                        : AmqpMessage.Create(sections.SequenceBody.Select(s => new AmqpSequence(s.List)).ToList());
                }

            default:
                // The engine's body arrays are never written after a message is stored: hand them over without a copy.
                var body = MemoryMarshal.TryGetArray(source.Body, out var segment) ? segment : new ArraySegment<byte>(source.Body.ToArray());
                return AmqpMessage.Create(new Data { Value = body });
        }
    }
}
