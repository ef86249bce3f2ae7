namespace AiWorkload.Messaging.Transport;

/// <summary>A message on its way to the broker, field for field what ServiceBusMessage carries.</summary>
public sealed class TransportMessage
{
    public required ReadOnlyMemory<byte> Body { get; init; }

    public required string MessageId { get; init; }

    public string? Subject { get; init; }

    public string? ContentType { get; init; }

    public string? SessionId { get; init; }

    public string? CorrelationId { get; init; }

    public string? PartitionKey { get; init; }

    /// <summary>Null keeps the entity's default time to live.</summary>
    public TimeSpan? TimeToLive { get; init; }

    public Dictionary<string, object?> ApplicationProperties { get; init; } = new(StringComparer.Ordinal);
}
