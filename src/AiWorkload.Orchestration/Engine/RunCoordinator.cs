using AiWorkload.Orchestration.Outbox;
using AiWorkload.Orchestration.Store;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Orchestration.Engine;

/// <summary>
/// Runs one message's work against the store: skip if its dedupe key was recorded, compute the change on fresh reads,
/// commit it with the key, and on a version conflict start again from fresh reads. After the commit the outbox entries
/// are sent; if that fails they stay in the outbox and the sweeper sends them.
/// </summary>
internal sealed class RunCoordinator(IRunStore store, OutboxMessageTypes types, OutboxDispatcher outbox, TimeProvider time, ILogger<RunCoordinator> logger)
{
    private const int MaxAttempts = 20;

    public async Task<CommitResult> ExecuteAsync(string dedupeKey, Func<RunWork, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await store.IsProcessedAsync(dedupeKey, cancellationToken))
            {
                // A redelivery: the change committed before; make sure what it owes the bus went out.
                await outbox.TryDispatchAsync(null, cancellationToken);
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
                case CommitResult.Committed:
                    await outbox.TryDispatchAsync(outcome.OutboxIds, cancellationToken);
                    break;
                default:
                    await outbox.TryDispatchAsync(null, cancellationToken);
                    break;
            }

            return outcome.Result;
        }
    }
}
