namespace AiWorkload.Messaging.Embedded.Messages;

/// <summary>A delivered or peeked message: a snapshot of the broker's copy at delivery time, with the broker-set properties.</summary>
public sealed class ReceivedMessage
{
    public required ReadOnlyMemory<byte> Body { get; init; }

    public MessageBodyKind BodyKind { get; init; }

    public required string MessageId { get; init; }

    public string? SessionId { get; init; }

    public string? CorrelationId { get; init; }

    public string? Subject { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    public string? ReplyToSessionId { get; init; }

    public string? ContentType { get; init; }

    public string? PartitionKey { get; init; }

    public required TimeSpan TimeToLive { get; init; }

    public DateTimeOffset? ScheduledEnqueueTime { get; init; }

    public required IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; }

    public required long SequenceNumber { get; init; }

    public required DateTimeOffset EnqueuedTime { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Empty for peeked and receive-and-delete messages, which carry no lock.</summary>
    public Guid LockToken { get; init; }

    public DateTimeOffset LockedUntil { get; init; }

    public required int DeliveryCount { get; init; }

    public required MessageState State { get; init; }

    /// <summary>Set only on a dead-lettered message that was then auto-forwarded: the entity it was dead-lettered in.</summary>
    public string? DeadLetterSource { get; init; }

    public string? DeadLetterReason => ApplicationProperties.TryGetValue(DeadLetterProperties.Reason, out var value) ? value as string : null;

    public string? DeadLetterErrorDescription => ApplicationProperties.TryGetValue(DeadLetterProperties.ErrorDescription, out var value) ? value as string : null;
}
