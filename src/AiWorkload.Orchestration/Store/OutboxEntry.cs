namespace AiWorkload.Orchestration.Store;

/// <summary>
/// A message a committed state change owes the bus, written in the same transaction as the change and sent afterwards
/// (again after a crash) under its deterministic <see cref="MessageId"/>.
/// </summary>
public sealed record OutboxEntry(OutboxKind Kind, string MessageType, string MessageId, string Payload)
{
    /// <summary>Assigned by the store; entries are sent in this order.</summary>
    public long Id { get; init; }

    public string? RunId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>When a scheduled message activates.</summary>
    public DateTimeOffset? EnqueueAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>The broker's number for a scheduled message: what cancelling it needs.</summary>
    public long? SequenceNumber { get; init; }

    public string? Destination { get; init; }

    /// <summary>A scheduled message cancelled before it was ever sent.</summary>
    public bool Cancelled { get; init; }
}
