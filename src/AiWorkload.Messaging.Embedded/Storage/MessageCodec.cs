using System.Text;
using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>
/// The on-disk form of a message: a versioned binary layout that keeps every application property's exact type
/// (long stays long, DateTimeOffset stays DateTimeOffset), as AMQP does.
/// </summary>
internal static class MessageCodec
{
    // Version 2 appends the body kind; version 1 rows (data bodies only) still load.
    private const byte Version = 2;

    public static byte[] Encode(StoredMessage message)
    {
        using var buffer = new MemoryStream(message.Body.Length + 256);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            WriteString(writer, message.MessageId);
            WriteString(writer, message.SessionId);
            WriteString(writer, message.CorrelationId);
            WriteString(writer, message.Subject);
            WriteString(writer, message.To);
            WriteString(writer, message.ReplyTo);
            WriteString(writer, message.ReplyToSessionId);
            WriteString(writer, message.ContentType);
            WriteString(writer, message.PartitionKey);
            WriteString(writer, message.DeadLetterSource);
            writer.Write(message.RequestedTimeToLive?.Ticks ?? -1);
            writer.Write(message.TimeToLive.Ticks);
            writer.Write(message.ScheduledEnqueueTime?.UtcTicks ?? -1);
            writer.Write(message.EnqueuedTime.UtcTicks);
            writer.Write(message.ExpiresAt.UtcTicks);
            writer.Write(message.HopCount);
            writer.Write(message.ApplicationProperties.Count);
            foreach (var (key, value) in message.ApplicationProperties)
            {
                writer.Write(key);
                PropertyValueCodec.Write(writer, value);
            }

            writer.Write(message.Body.Length);
            writer.Write(message.Body.Span);
            writer.Write((byte)message.BodyKind);
        }

        return buffer.ToArray();
    }

    public static StoredMessage Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version is not (1 or Version))
        {
            throw new InvalidDataException($"Stored message format {version} is not supported by this engine (expected {Version}).");
        }

        var message = new StoredMessage
        {
            MessageId = ReadString(reader) ?? "",
            SessionId = ReadString(reader),
            CorrelationId = ReadString(reader),
            Subject = ReadString(reader),
            To = ReadString(reader),
            ReplyTo = ReadString(reader),
            ReplyToSessionId = ReadString(reader),
            ContentType = ReadString(reader),
            PartitionKey = ReadString(reader),
            DeadLetterSource = ReadString(reader),
        };
        var requestedTtl = reader.ReadInt64();
        message.RequestedTimeToLive = requestedTtl < 0 ? null : TimeSpan.FromTicks(requestedTtl);
        message.TimeToLive = TimeSpan.FromTicks(reader.ReadInt64());
        var scheduled = reader.ReadInt64();
        message.ScheduledEnqueueTime = scheduled < 0 ? null : new DateTimeOffset(scheduled, TimeSpan.Zero);
        message.EnqueuedTime = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        message.ExpiresAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        message.HopCount = reader.ReadInt32();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            message.ApplicationProperties[key] = PropertyValueCodec.Read(reader);
        }

        message.Body = reader.ReadBytes(reader.ReadInt32());
        message.BodyKind = version >= 2 ? (MessageBodyKind)reader.ReadByte() : MessageBodyKind.Data;
        return message;
    }

    private static void WriteString(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
