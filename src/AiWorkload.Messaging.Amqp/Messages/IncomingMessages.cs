using AiWorkload.Messaging.Embedded.Messages;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Messages;

/// <summary>
/// Reads what a client sent into the engine's messages: one message, or every message of a batch
/// (message-format 0x80013700: each data section of the envelope is one encoded message, and the envelope itself is not one).
/// </summary>
internal static class IncomingMessages
{
    public static IReadOnlyList<OutgoingMessage> Read(AmqpMessage transfer)
    {
        if (transfer.MessageFormat == AmqpConstants.AmqpBatchedMessageFormat)
        {
            var batch = new List<OutgoingMessage>();
            foreach (var section in transfer.DataBody ?? [])
            {
                using var inner = Decode(BinaryOf(section));
                batch.Add(ToEngine(inner));
            }

            return batch;
        }

        return [ToEngine(transfer)];
    }

    /// <summary>An encoded message, as the management operations carry them in binary fields.</summary>
    public static AmqpMessage Decode(ArraySegment<byte> encoded)
    {
        var message = AmqpMessage.CreateAmqpStreamMessage(new BufferListStream([encoded]));
        return message;
    }

    public static OutgoingMessage ToEngine(AmqpMessage source)
    {
        var properties = source.Properties;
        var annotations = source.MessageAnnotations?.Map;
        var (body, kind) = Body(source);
        var message = new OutgoingMessage(body)
        {
            BodyKind = kind,
            MessageId = properties?.MessageId?.ToString(),
            CorrelationId = properties?.CorrelationId?.ToString(),
            SessionId = properties?.GroupId,
            ReplyToSessionId = properties?.ReplyToGroupId,
            Subject = properties?.Subject,
            To = properties?.To?.ToString(),
            ReplyTo = properties?.ReplyTo?.ToString(),
            ContentType = properties?.ContentType.Value,
            TimeToLive = source.Header?.Ttl is { } ttl ? TimeSpan.FromMilliseconds(ttl) : null,
        };

        if (annotations is not null)
        {
            if (annotations[AnnotationNames.ScheduledEnqueueTime] is DateTime scheduled)
            {
                message.ScheduledEnqueueTime = new DateTimeOffset(DateTime.SpecifyKind(scheduled, DateTimeKind.Utc));
            }

            message.PartitionKey = annotations[AnnotationNames.PartitionKey] as string;
        }

        if (source.ApplicationProperties?.Map is { } map)
        {
            foreach (var (key, value) in map)
            {
                message.ApplicationProperties[key.ToString()] = PropertyValues.FromAmqp(value);
            }
        }

        return message;
    }

    private static (ReadOnlyMemory<byte> Body, MessageBodyKind Kind) Body(AmqpMessage source)
    {
        if ((source.BodyType & SectionFlag.AmqpValue) != 0 && source.ValueBody is { } value)
        {
            return (Encode(buffer => value.Encode(buffer)), MessageBodyKind.AmqpValue);
        }

        if ((source.BodyType & SectionFlag.AmqpSequence) != 0 && source.SequenceBody is { } sequences)
        {
            return (Encode(buffer =>
            {
                foreach (var sequence in sequences)
                {
                    sequence.Encode(buffer);
                }
            }), MessageBodyKind.AmqpSequence);
        }

        var sections = source.DataBody?.Select(BinaryOf).ToList() ?? [];
        if (sections.Count == 1)
        {
            return (sections[0].ToArray(), MessageBodyKind.Data);
        }

        var joined = new byte[sections.Sum(s => s.Count)];
        var offset = 0;
        foreach (var section in sections)
        {
            section.AsSpan().CopyTo(joined.AsSpan(offset));
            offset += section.Count;
        }

        return (joined, MessageBodyKind.Data);
    }

    private static byte[] Encode(Action<ByteBuffer> write)
    {
        using var buffer = new ByteBuffer(256, autoGrow: true);
        write(buffer);
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    private static ArraySegment<byte> BinaryOf(Data section) => section.Value switch
    {
        ArraySegment<byte> segment => segment,
        byte[] bytes => bytes,
        _ => throw new ArgumentException("A data section of a batch does not hold binary."),
    };
}
