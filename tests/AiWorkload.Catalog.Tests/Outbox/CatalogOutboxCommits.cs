using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Catalog.Tests.Outbox;

internal static class CatalogOutboxCommits
{
    /// <summary>One write per entry, a second apart; the MessageId is the entry id, as for a workload message's entry.</summary>
    public static async Task CommitAsync(IWorkloadCatalog catalog, DateTimeOffset start, string[] messageIds)
    {
        foreach (var (id, i) in messageIds.Select((id, i) => (id, i)))
        {
            await catalog.WriteAsync(w =>
            {
                w.Enqueue(new OutboxEntry(id, "DataIngested", "{}", start.AddSeconds(i)));
                return true;
            });
        }
    }
}
