namespace AiWorkload.Messaging.DeadLetters;

/// <summary>A message in a dead-letter queue, with why it is there.</summary>
public sealed record DeadLetteredMessage
{
    public required MessageSource Source { get; init; }

    public required long SequenceNumber { get; init; }

    /// <summary>The sender's idempotency key (the original's, for retried or resubmitted copies).</summary>
    public required string MessageId { get; init; }

    public string? Subject { get; init; }

    public string? SessionId { get; init; }

    public string? CorrelationId { get; init; }

    public string? ContentType { get; init; }

    public string? Reason { get; init; }

    public string? Description { get; init; }

    public int DeliveryCount { get; init; }

    public DateTimeOffset EnqueuedTime { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    public required IReadOnlyDictionary<string, object?> Properties { get; init; }
}
