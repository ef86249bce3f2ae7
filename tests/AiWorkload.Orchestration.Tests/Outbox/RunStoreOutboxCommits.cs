using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Tests.Outbox;

internal static class RunStoreOutboxCommits
{
    /// <summary>One commit per entry, a second apart, as one processed message each.</summary>
    public static async Task CommitAsync(IRunStore store, DateTimeOffset start, string[] messageIds)
    {
        foreach (var (id, i) in messageIds.Select((id, i) => (id, i)))
        {
            await store.CommitAsync(new RunChangeSet($"message-{id}", start.AddSeconds(i))
            {
                Outbox = [new OutboxEntry(OutboxKind.Publish, "PipelineRunChanged", id, "{}")],
            });
        }
    }
}
