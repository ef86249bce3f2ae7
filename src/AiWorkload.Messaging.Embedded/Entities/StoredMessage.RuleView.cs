using AiWorkload.Messaging.Rules;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>
/// The broker copy is what rules read and actions modify, with no wrapper allocated per evaluation:
/// filters run for every subscription of every published message.
/// </summary>
internal sealed partial class StoredMessage : IRuleMessage
{
    public object? GetSystemProperty(string name) => name switch
    {
        SystemProperties.MessageId => MessageId,
        SystemProperties.CorrelationId => CorrelationId,
        SystemProperties.Label => Subject,
        SystemProperties.To => To,
        SystemProperties.ReplyTo => ReplyTo,
        SystemProperties.ReplyToSessionId => ReplyToSessionId,
        SystemProperties.SessionId => SessionId,
        SystemProperties.ContentType => ContentType,
        SystemProperties.PartitionKey => PartitionKey,
        SystemProperties.SequenceNumber => SequenceNumber,
        SystemProperties.EnqueuedSequenceNumber => SequenceNumber,
        SystemProperties.EnqueuedTimeUtc => EnqueuedTime.UtcDateTime,
        SystemProperties.ExpiresAtUtc => ExpiresAt.UtcDateTime,
        SystemProperties.DeliveryCount => DeliveryCount,
        SystemProperties.TimeToLive => RequestedTimeToLive ?? TimeToLive,
        SystemProperties.ScheduledEnqueueTimeUtc => ScheduledEnqueueTime?.UtcDateTime,
        SystemProperties.DeadLetterSource => DeadLetterSource,
        SystemProperties.Size => (long)Body.Length,
        SystemProperties.State => State.ToString(),
        SystemProperties.LockToken => LockToken,
        SystemProperties.LockedUntilUtc => LockToken is null ? null : LockedUntil.UtcDateTime,
        _ => null,
    };

    public void SetSystemProperty(string name, object? value)
    {
        switch (name)
        {
            case SystemProperties.MessageId: MessageId = value as string ?? MessageId; break;
            case SystemProperties.CorrelationId: CorrelationId = value as string; break;
            case SystemProperties.Label: Subject = value as string; break;
            case SystemProperties.To: To = value as string; break;
            case SystemProperties.ReplyTo: ReplyTo = value as string; break;
            case SystemProperties.ReplyToSessionId: ReplyToSessionId = value as string; break;
            case SystemProperties.SessionId: SessionId = value as string; break;
            case SystemProperties.ContentType: ContentType = value as string; break;
            case SystemProperties.PartitionKey: PartitionKey = value as string; break;
            case SystemProperties.TimeToLive when value is TimeSpan ttl: RequestedTimeToLive = ttl; break;
            case SystemProperties.ScheduledEnqueueTimeUtc: ScheduledEnqueueTime = value is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null; break;
            default: break; // ForcePersistence and ViaPartitionKey have no meaning in a single-partition engine.
        }
    }

    public bool TryGetApplicationProperty(string name, out object? value)
    {
        if (ApplicationProperties.TryGetValue(name, out value))
        {
            return true;
        }

        // Rule property names are case-insensitive; the message's own map is not, so fall back to a scan.
        foreach (var (key, candidate) in ApplicationProperties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }

    public void SetApplicationProperty(string name, object? value)
    {
        var existing = ApplicationProperties.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        ApplicationProperties[existing ?? name] = value;
    }

    public bool RemoveApplicationProperty(string name)
    {
        var existing = ApplicationProperties.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return existing is not null && ApplicationProperties.Remove(existing);
    }
}
