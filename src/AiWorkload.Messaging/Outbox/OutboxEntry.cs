namespace AiWorkload.Messaging.Outbox;

/// <summary>
/// A message a committed change owes the bus, as a store hands it to <see cref="OutboxDispatcher{TStore}"/>: written in the
/// same transaction as the change and published afterwards (again after a crash), in the store's order.
/// </summary>
/// <param name="Id">The store's key for the entry, what <see cref="IOutboxStore.MarkPublishedAsync"/> marks.</param>
/// <param name="MessageType">The registered message type's name.</param>
/// <param name="Payload">The message's JSON, bare or in an <see cref="OutboxPayload"/> envelope carrying the writer's trace.</param>
/// <param name="CreatedAt">When it was committed: how long it has waited.</param>
public sealed record OutboxEntry(string Id, string MessageType, string Payload, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The deterministic MessageId that duplicate detection keys on; null when the message type derives it from the message
    /// (its IdentifiedBy), which is just as deterministic.
    /// </summary>
    public string? MessageId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>How it goes to the bus; null when its message type decides (commands are sent, events published).</summary>
    public OutboxDelivery? Delivery { get; init; }

    /// <summary>When a scheduled message activates.</summary>
    public DateTimeOffset? EnqueueAt { get; init; }
}
