namespace AiWorkload.Messaging;

/// <summary>Per-send overrides of a message type's conventions.</summary>
public sealed class MessageOptions
{
    /// <summary>The idempotency key: the same logical message must get the same id, so duplicate detection drops resends.</summary>
    public string? MessageId { get; init; }

    public string? SessionId { get; init; }

    public string? CorrelationId { get; init; }

    public TimeSpan? TimeToLive { get; init; }

    /// <summary>Application properties that subscription rules route on; they are added to the convention's properties.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; init; } = new Dictionary<string, object?>();
}
