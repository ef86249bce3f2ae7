// Targets Azure.Messaging.ServiceBus 7.21.0: ServiceBusMessage(ReadOnlyMemory<byte>) and its settable properties,
// ServiceBusReceivedMessage's read-only properties.
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// Field-for-field mapping between the port's messages and the SDK's. Application properties are copied as they are:
/// the port has already written traceparent and Diagnostic-Id, and the SDK adds its own only when they are absent.
/// </summary>
internal static class AzureMessageMapper
{
    public static ServiceBusMessage ToServiceBusMessage(TransportMessage message)
    {
        var outgoing = new ServiceBusMessage(message.Body)
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            ContentType = message.ContentType,
            CorrelationId = message.CorrelationId,
        };

        // The partition key first: a session message's partition key must equal its SessionId, set next.
        if (message.PartitionKey is not null)
        {
            outgoing.PartitionKey = message.PartitionKey;
        }

        if (message.SessionId is not null)
        {
            outgoing.SessionId = message.SessionId;
        }

        if (message.TimeToLive is { } timeToLive)
        {
            outgoing.TimeToLive = timeToLive;
        }

        foreach (var (name, value) in message.ApplicationProperties)
        {
            outgoing.ApplicationProperties[name] = value!;
        }

        return outgoing;
    }

    public static TransportReceivedMessage ToTransport(ServiceBusReceivedMessage message) => new()
    {
        Body = message.Body is { } body ? body.ToMemory() : ReadOnlyMemory<byte>.Empty,
        MessageId = message.MessageId,
        Subject = message.Subject,
        ContentType = message.ContentType,
        SessionId = message.SessionId,
        CorrelationId = message.CorrelationId,
        PartitionKey = message.PartitionKey,
        TimeToLive = message.TimeToLive,
        ApplicationProperties = CopyProperties(message.ApplicationProperties),
        SequenceNumber = message.SequenceNumber,
        EnqueuedTime = message.EnqueuedTime,
        ExpiresAt = message.ExpiresAt,
        DeliveryCount = message.DeliveryCount,
        LockedUntil = message.LockedUntil,
        DeadLetterSource = message.DeadLetterSource,
    };

    /// <summary>Null stays null, so the SDK's overloads without properties are used and nothing extra is sent.</summary>
    public static Dictionary<string, object>? ToPropertiesToModify(IReadOnlyDictionary<string, object?>? properties)
    {
        if (properties is null)
        {
            return null;
        }

        var copy = new Dictionary<string, object>(properties.Count, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            copy[name] = value!;
        }

        return copy;
    }

    /// <summary>A copy the port can keep and resubmit from after the SDK's message is gone.</summary>
    private static Dictionary<string, object?> CopyProperties(IReadOnlyDictionary<string, object> properties)
    {
        var copy = new Dictionary<string, object?>(properties.Count, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            copy[name] = value;
        }

        return copy;
    }
}
