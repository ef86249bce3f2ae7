using AiWorkload.Messaging.Outbox;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Store;

/// <summary>
/// Durable runs, policy decisions, schedules, the outbox and the processed-message table (SQLite by default). Every
/// change goes through <see cref="CommitAsync"/>, which records the causing message's dedupe key in the same transaction:
/// a redelivered message finds its key and changes nothing. Its outbox is published by the messaging building block's
/// dispatcher, through <see cref="IOutboxStore"/>.
/// </summary>
public interface IRunStore : IOutboxStore
{
    Task<PipelineRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    Task<Page<RunSummary>> QueryRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Active runs of a model, oldest first.</summary>
    Task<IReadOnlyList<RunSummary>> GetActiveRunsAsync(string modelId, CancellationToken cancellationToken = default);

    /// <summary>Runs with an activity waiting for <paramref name="eventType"/> without correlation.</summary>
    Task<IReadOnlyList<string>> GetRunsWaitingForAsync(string eventType, CancellationToken cancellationToken = default);

    Task<bool> IsProcessedAsync(string dedupeKey, CancellationToken cancellationToken = default);

    Task<CommitOutcome> CommitAsync(RunChangeSet changes, CancellationToken cancellationToken = default);

    Task<PolicyDecision?> GetLastTriggeredDecisionAsync(string modelId, string policy, CancellationToken cancellationToken = default);

    Task<Page<PolicyDecision>> QueryDecisionsAsync(DecisionQuery query, CancellationToken cancellationToken = default);

    Task<ScheduleState?> GetScheduleAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Entries not yet sent, in commit order; with <paramref name="ids"/>, only those.</summary>
    Task<IReadOnlyList<Store.OutboxEntry>> GetPendingOutboxAsync(int maxEntries, IReadOnlyCollection<long>? ids = null, CancellationToken cancellationToken = default);

    /// <summary>The latest Schedule entry with this MessageId, sent or not.</summary>
    Task<Store.OutboxEntry?> GetScheduledEntryAsync(string messageId, CancellationToken cancellationToken = default);

    Task MarkDispatchedAsync(long entryId, DateTimeOffset at, long? sequenceNumber = null, string? destination = null, bool cancelled = false, CancellationToken cancellationToken = default);

    Task<OutboxBacklog> GetOutboxBacklogAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets dedupe keys and sent outbox entries older than <paramref name="before"/>.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
