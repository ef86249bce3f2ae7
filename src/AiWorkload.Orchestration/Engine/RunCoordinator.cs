using AiWorkload.Messaging.Outbox;
using AiWorkload.Orchestration.Outbox;
using AiWorkload.Orchestration.Store;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Orchestration.Engine;

/// <summary>
/// Runs one message's work against the store: skip if its dedupe key was recorded, compute the change on fresh reads,
/// commit it with the key, and on a version conflict start again from fresh reads. After the commit the outbox entries
/// are published by the outbox dispatcher, which this wakes; if that fails they stay in the outbox and it retries.
/// </summary>
internal sealed class RunCoordinator(IRunStore store, OutboxMessageTypes types, OutboxSignal<IRunStore> outbox, TimeProvider time, ILogger<RunCoordinator> logger)
{
    private const int MaxAttempts = 20;

    public async Task<CommitResult> ExecuteAsync(string dedupeKey, Func<RunWork, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.IsProcessedAsync(dedupeKey, cancellationToken))
            {
                // A redelivery: the change committed before; make sure what it owes the bus went out.
                outbox.Notify();
                return CommitResult.Duplicate;
            }

            var unit = new RunWork(store, types, time.GetUtcNow());
            await work(unit, cancellationToken);
            if (unit.ToChangeSet(dedupeKey) is not { } changes)
            {
                return CommitResult.Committed;
            }

            var outcome = await store.CommitAsync(changes, cancellationToken);
            switch (outcome.Result)
            {
                case CommitResult.Conflict when attempt < MaxAttempts:
                    logger.LogDebug("Concurrent change while processing {DedupeKey}; recomputing (attempt {Attempt})", dedupeKey, attempt);
                    continue;
                case CommitResult.Conflict:
                    throw new InvalidOperationException($"Processing {dedupeKey} conflicted with concurrent changes {attempt} times in a row.");
                default:
                    // Not the ids just committed but everything pending, in order: an older entry waiting after a failed
                    // publish must not be overtaken.
                    outbox.Notify();
                    break;
            }

            return outcome.Result;
        }
    }
}
