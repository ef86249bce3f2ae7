namespace AiWorkload.Messaging.Transport;

/// <summary>A delivered or peeked message with the broker-set properties, as ServiceBusReceivedMessage has them.</summary>
public sealed class TransportReceivedMessage
{
    public required ReadOnlyMemory<byte> Body { get; init; }

    public required string MessageId { get; init; }

    public string? Subject { get; init; }

    public string? ContentType { get; init; }

    public string? SessionId { get; init; }

    public string? CorrelationId { get; init; }

    public string? PartitionKey { get; init; }

    public TimeSpan TimeToLive { get; init; } = TimeSpan.MaxValue;

    public required IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; }

    public required long SequenceNumber { get; init; }

    public required DateTimeOffset EnqueuedTime { get; init; }

    public DateTimeOffset ExpiresAt { get; init; } = DateTimeOffset.MaxValue;

    public required int DeliveryCount { get; init; }

    public DateTimeOffset LockedUntil { get; init; }

    public string? DeadLetterSource { get; init; }

    public string? DeadLetterReason => ApplicationProperties.TryGetValue(MessageProperties.DeadLetterReason, out var value) ? value as string : null;

    public string? DeadLetterErrorDescription =>
        ApplicationProperties.TryGetValue(MessageProperties.DeadLetterErrorDescription, out var value) ? value as string : null;
}
