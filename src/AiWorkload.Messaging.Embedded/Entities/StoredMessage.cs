using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>The broker's copy of a message. Mutated only under the engine lock; receivers get <see cref="ReceivedMessage"/> snapshots.</summary>
internal sealed partial class StoredMessage
{
    public ReadOnlyMemory<byte> Body { get; set; }

    public MessageBodyKind BodyKind { get; set; }

    public string MessageId { get; set; } = "";

    public string? SessionId { get; set; }

    public string? CorrelationId { get; set; }

    public string? Subject { get; set; }

    public string? To { get; set; }

    public string? ReplyTo { get; set; }

    public string? ReplyToSessionId { get; set; }

    public string? ContentType { get; set; }

    public string? PartitionKey { get; set; }

    /// <summary>The TTL the sender asked for; the effective one is capped by each entity's default.</summary>
    public TimeSpan? RequestedTimeToLive { get; set; }

    public TimeSpan TimeToLive { get; set; } = TimeSpan.MaxValue;

    public DateTimeOffset? ScheduledEnqueueTime { get; set; }

    public Dictionary<string, object?> ApplicationProperties { get; set; } = new(StringComparer.Ordinal);

    public long SequenceNumber { get; set; }

    public DateTimeOffset EnqueuedTime { get; set; }

    public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.MaxValue;

    public int DeliveryCount { get; set; }

    public MessageState State { get; set; }

    public string? DeadLetterSource { get; set; }

    /// <summary>How many auto-forwarding transfers the message has made.</summary>
    public int HopCount { get; set; }

    public Guid? LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public bool IsLocked => LockToken is not null;

    /// <summary>What the message counts against its entity's MaxSizeInMegabytes: the body plus an estimate of its headers.</summary>
    /// <summary>The size its entity counted when it was added: settling may change properties, never the accounting.</summary>
    public long AccountedSize { get; set; }

    public long Size => Body.Length + 64 + (2L * ((MessageId.Length) + (SessionId?.Length ?? 0) + (CorrelationId?.Length ?? 0) + (Subject?.Length ?? 0))) + (32L * ApplicationProperties.Count);

    public void SetTimeToLive(TimeSpan entityDefault, DateTimeOffset enqueuedTime)
    {
        TimeToLive = RequestedTimeToLive is { } requested && requested < entityDefault ? requested : entityDefault;
        EnqueuedTime = enqueuedTime;
        ExpiresAt = TimeToLive >= DateTimeOffset.MaxValue - enqueuedTime ? DateTimeOffset.MaxValue : enqueuedTime + TimeToLive;
    }

    public StoredMessage Copy() => new()
    {
        Body = Body,
        BodyKind = BodyKind,
        MessageId = MessageId,
        SessionId = SessionId,
        CorrelationId = CorrelationId,
        Subject = Subject,
        To = To,
        ReplyTo = ReplyTo,
        ReplyToSessionId = ReplyToSessionId,
        ContentType = ContentType,
        PartitionKey = PartitionKey,
        RequestedTimeToLive = RequestedTimeToLive,
        TimeToLive = TimeToLive,
        ScheduledEnqueueTime = ScheduledEnqueueTime,
        ApplicationProperties = new Dictionary<string, object?>(ApplicationProperties, StringComparer.Ordinal),
        DeliveryCount = DeliveryCount,
        DeadLetterSource = DeadLetterSource,
        HopCount = HopCount,
    };

    /// <summary>Peeked copies carry no lock: a lock token belongs only to the receiver that locked the message.</summary>
    public ReceivedMessage Snapshot(bool includeLock = true) => new()
    {
        Body = Body,
        BodyKind = BodyKind,
        MessageId = MessageId,
        SessionId = SessionId,
        CorrelationId = CorrelationId,
        Subject = Subject,
        To = To,
        ReplyTo = ReplyTo,
        ReplyToSessionId = ReplyToSessionId,
        ContentType = ContentType,
        PartitionKey = PartitionKey,
        TimeToLive = TimeToLive,
        ScheduledEnqueueTime = ScheduledEnqueueTime,
        ApplicationProperties = new Dictionary<string, object?>(ApplicationProperties, StringComparer.Ordinal),
        SequenceNumber = SequenceNumber,
        EnqueuedTime = EnqueuedTime,
        ExpiresAt = ExpiresAt,
        LockToken = includeLock ? LockToken ?? Guid.Empty : Guid.Empty,
        LockedUntil = includeLock && LockToken is not null ? LockedUntil : default,
        DeliveryCount = DeliveryCount,
        State = State,
        DeadLetterSource = DeadLetterSource,
    };
}
