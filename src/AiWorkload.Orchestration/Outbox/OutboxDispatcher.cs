using AiWorkload.Messaging;
using AiWorkload.Orchestration.Store;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Orchestration.Outbox;

/// <summary>
/// Sends committed outbox entries in commit order, one dispatcher at a time per process (so an entry is not sent twice
/// by two callers racing). A crash between send and mark re-sends it later under the same MessageId, which duplicate
/// detection and the receivers' dedupe absorb.
/// </summary>
internal sealed class OutboxDispatcher(IRunStore store, IMessageBus bus, OutboxMessageTypes types, TimeProvider time, ILogger<OutboxDispatcher> logger) : IDisposable
{
    private const int BatchSize = 100;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Sends the given entries (all pending ones when null); a failure is logged and left for the sweeper.</summary>
    public async Task<bool> TryDispatchAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        try
        {
            await DispatchAsync(ids, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Sending outbox messages failed; they stay in the outbox and are sent again later");
            return false;
        }
    }

    public async Task DispatchAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        if (ids is { Count: 0 })
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (ids is not null)
            {
                foreach (var chunk in ids.Chunk(BatchSize))
                {
                    await SendAllAsync(await store.GetPendingOutboxAsync(BatchSize, chunk, cancellationToken), cancellationToken);
                }

                return;
            }

            while (await store.GetPendingOutboxAsync(BatchSize, null, cancellationToken) is { Count: > 0 } pending)
            {
                await SendAllAsync(pending, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task SendAllAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            await SendAsync(entry, cancellationToken);
        }
    }

    private async Task SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        switch (entry.Kind)
        {
            case OutboxKind.Send or OutboxKind.Publish:
                await types.Get(entry.MessageType).SendAsync(bus, entry, cancellationToken);
                await store.MarkDispatchedAsync(entry.Id, time.GetUtcNow(), cancellationToken: cancellationToken);
                break;
            case OutboxKind.Schedule:
                var scheduled = await types.Get(entry.MessageType).ScheduleAsync(bus, entry, cancellationToken);
                await store.MarkDispatchedAsync(entry.Id, time.GetUtcNow(), scheduled.SequenceNumber, scheduled.Destination, cancellationToken: cancellationToken);
                break;
            default:
                await CancelAsync(entry, cancellationToken);
                await store.MarkDispatchedAsync(entry.Id, time.GetUtcNow(), cancellationToken: cancellationToken);
                break;
        }
    }

    private async Task CancelAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var target = await store.GetScheduledEntryAsync(entry.MessageId, cancellationToken);
        if (target is null || target.Cancelled)
        {
            return;
        }

        if (target.DispatchedAt is null)
        {
            // Never sent: mark it so it never will be.
            await store.MarkDispatchedAsync(target.Id, time.GetUtcNow(), cancelled: true, cancellationToken: cancellationToken);
            return;
        }

        try
        {
            await bus.CancelScheduledAsync(new ScheduledMessage(target.Destination!, target.SequenceNumber!.Value, target.MessageId), cancellationToken);
        }
        catch (MessagingException error) when (error.Reason == MessagingErrorReason.MessageNotFound)
        {
            // It already activated: its handler sees the attempt moved on and ignores it.
        }
    }
}
