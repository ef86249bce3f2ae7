using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>Validates outgoing messages as the service does and turns them into broker copies; nothing is accepted unless all pass.</summary>
internal static class MessagePreparation
{
    public static List<StoredMessage> Prepare(string entityPath, IReadOnlyList<OutgoingMessage> messages, int maxMessageSizeBytes)
    {
        if (messages.Count == 0)
        {
            throw new MessagingException(MessagingErrorReason.InvalidMessage, entityPath, "A send needs at least one message.");
        }

        var prepared = new List<StoredMessage>(messages.Count);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            var messageId = message.MessageId ?? Guid.NewGuid().ToString("N");
            CheckLength(entityPath, messageId, "MessageId", message.MessageId, EntityDefaults.MaxMessageIdLength);
            CheckLength(entityPath, messageId, "SessionId", message.SessionId, EntityDefaults.MaxSessionIdLength);
            CheckLength(entityPath, messageId, "PartitionKey", message.PartitionKey, EntityDefaults.MaxSessionIdLength);
            if (message.MessageId is { Length: 0 })
            {
                throw Invalid(entityPath, messageId, "MessageId is empty");
            }

            if (message.PartitionKey is not null && message.SessionId is not null && message.PartitionKey != message.SessionId)
            {
                throw Invalid(entityPath, messageId, "PartitionKey must equal SessionId when both are set");
            }

            if (message.TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
            {
                throw Invalid(entityPath, messageId, $"TimeToLive {ttl} is not positive");
            }

            foreach (var (key, value) in message.ApplicationProperties)
            {
                if (string.IsNullOrEmpty(key))
                {
                    throw Invalid(entityPath, messageId, "an application property has an empty name");
                }

                if (!ApplicationPropertyValues.IsSupported(value))
                {
                    throw Invalid(entityPath, messageId, $"application property '{key}' has type {value!.GetType().Name}, which Service Bus cannot carry");
                }
            }

            var size = EstimateSize(message);
            if (size > maxMessageSizeBytes)
            {
                throw new MessagingException(MessagingErrorReason.MessageSizeExceeded, entityPath, $"Message '{messageId}' is {size} bytes; the limit is {maxMessageSizeBytes} bytes. Send large payloads by reference (claim check).");
            }

            prepared.Add(new StoredMessage
            {
                Body = message.Body.ToArray(),
                BodyKind = message.BodyKind,
                MessageId = messageId,
                SessionId = message.SessionId,
                CorrelationId = message.CorrelationId,
                Subject = message.Subject,
                To = message.To,
                ReplyTo = message.ReplyTo,
                ReplyToSessionId = message.ReplyToSessionId,
                ContentType = message.ContentType,
                PartitionKey = message.PartitionKey,
                RequestedTimeToLive = message.TimeToLive,
                ScheduledEnqueueTime = message.ScheduledEnqueueTime,
                ApplicationProperties = new Dictionary<string, object?>(message.ApplicationProperties, StringComparer.Ordinal),
            });
        }

        return prepared;
    }

    /// <summary>Body plus headers and properties, close to the service's own accounting of a message's size.</summary>
    public static int EstimateSize(OutgoingMessage message)
    {
        var size = message.Body.Length + 64;
        foreach (var text in new[] { message.MessageId, message.SessionId, message.CorrelationId, message.Subject, message.To, message.ReplyTo, message.ReplyToSessionId, message.ContentType, message.PartitionKey })
        {
            size += text?.Length * 2 ?? 0;
        }

        foreach (var (key, value) in message.ApplicationProperties)
        {
            size += (key.Length * 2) + value switch
            {
                null => 1,
                string s => s.Length * 2,
                byte[] b => b.Length,
                Uri u => u.OriginalString.Length * 2,
                _ => 16,
            };
        }

        return size;
    }

    private static void CheckLength(string entityPath, string messageId, string field, string? value, int limit)
    {
        if (value is not null && value.Length > limit)
        {
            throw Invalid(entityPath, messageId.Length > 40 ? messageId[..40] + "…" : messageId, $"{field} is {value.Length} characters long; the limit is {limit}");
        }
    }

    private static MessagingException Invalid(string entityPath, string messageId, string reason) =>
        new(MessagingErrorReason.InvalidMessage, entityPath, $"Message '{messageId}' is invalid: {reason}.");
}
