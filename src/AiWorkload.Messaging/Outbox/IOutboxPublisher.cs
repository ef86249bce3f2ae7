namespace AiWorkload.Messaging.Outbox;

/// <summary>
/// Turns an entry of <typeparamref name="TStore"/> back into its message and hands it to the bus: the part that knows the
/// service's message types. Throws <see cref="OutboxUnsendableException"/> (or a JSON or argument error) for an entry that
/// can never be sent; anything else is taken for a broker failure and retried.
/// </summary>
public interface IOutboxPublisher<TStore>
    where TStore : IOutboxStore
{
    /// <summary>Sends, publishes or schedules the entry; for a scheduled message returns what cancelling it needs.</summary>
    Task<ScheduledMessage?> PublishAsync(OutboxEntry entry, CancellationToken cancellationToken);
}
