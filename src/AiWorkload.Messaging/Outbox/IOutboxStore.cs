namespace AiWorkload.Messaging.Outbox;

/// <summary>
/// Where a service's outbox lives (the same database and transaction as its state): the dispatcher reads what is still
/// unpublished, in order, and marks each entry once the broker accepted it.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Unpublished entries in the order they must be published (commit order), at most <paramref name="maxEntries"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> GetUnpublishedAsync(int maxEntries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks <paramref name="entry"/> published; <paramref name="scheduled"/> is what the broker answered for a scheduled
    /// message, kept so that it can be cancelled later.
    /// </summary>
    Task MarkPublishedAsync(OutboxEntry entry, DateTimeOffset publishedAt, ScheduledMessage? scheduled = null, CancellationToken cancellationToken = default);
}
