using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Messaging.Outbox;

/// <summary>
/// Publishes what was committed to <typeparamref name="TStore"/>'s outbox, in the store's order, and marks each entry
/// published after the broker accepted it. It wakes on <see cref="OutboxSignal{TStore}"/> after each commit and sweeps
/// periodically (entries left by a crash or written by another process). A crash between publish and mark publishes the
/// entry again on restart: its MessageId is deterministic, so the broker's duplicate detection drops the copy. A failed
/// publish ends the round (later entries wait, keeping order) and is retried with exponential backoff.
/// </summary>
/// <remarks>
/// Merged from the ingestion and orchestration dispatchers. Where they differed, this keeps: ingestion's backoff (the
/// orchestration one retried at a fixed sweep interval and on every commit, hammering a broker that is down); draining
/// everything pending in order instead of orchestration's "only the ids just committed" (which could overtake an older
/// entry still waiting after a failure); ingestion's setting aside of entries no retry can send (orchestration's stopped
/// at them for good); orchestration's gate, so that one round runs at a time per process and nothing is sent twice by two
/// callers racing.
/// </remarks>
public sealed class OutboxDispatcher<TStore>(
    TStore store,
    IOutboxPublisher<TStore> publisher,
    OutboxSignal<TStore> signal,
    OutboxOptions settings,
    TimeProvider time,
    ILogger<OutboxDispatcher<TStore>> logger) : BackgroundService
    where TStore : IOutboxStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _reportedUnsendable = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool drained;
            try
            {
                drained = await DispatchPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "The {Store} outbox could not be read or marked; retrying", typeof(TStore).Name);
                drained = false;
            }

            failures = drained ? 0 : failures + 1;
            try
            {
                await WaitAsync(failures, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes every pending entry it can; false when a publish failed and the rest must wait for a retry.</summary>
    public async Task<bool> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var pending = await store.GetUnpublishedAsync(settings.BatchSize, cancellationToken);
                var published = 0;
                foreach (var entry in pending)
                {
                    ScheduledMessage? scheduled;
                    try
                    {
                        var payload = OutboxPayload.Read(entry.Payload);
                        using var activity = OutboxTelemetry.StartPublish(entry, payload.Parent);
                        scheduled = await publisher.PublishAsync(entry with { Payload = payload.MessageJson }, cancellationToken);
                    }
                    catch (Exception error) when (IsPermanent(error))
                    {
                        ReportUnsendable(entry, error.Message);
                        continue;
                    }
                    catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        logger.LogWarning(error, "Publishing outbox entry {EntryId} ({MessageType}) failed; it stays pending and is retried", entry.Id, entry.MessageType);
                        return false;
                    }

                    await store.MarkPublishedAsync(entry, time.GetUtcNow(), scheduled, cancellationToken);
                    published++;
                }

                if (pending.Count < settings.BatchSize || published == 0)
                {
                    return true;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// Failures that a retry cannot fix (a payload that is not the type, a type unknown here, a message Service Bus refuses):
    /// such an entry is set aside instead of blocking every entry after it. Anything else, an unreachable broker above
    /// all, is retried.
    /// </summary>
    private static bool IsPermanent(Exception error) =>
        error is JsonException or ArgumentException or OutboxUnsendableException
        || error is MessagingException { Reason: MessagingErrorReason.MessageSizeExceeded or MessagingErrorReason.InvalidMessage };

    /// <summary>Left pending (for a dispatcher that knows the type, or an operator) and reported once, not at every sweep.</summary>
    private void ReportUnsendable(OutboxEntry entry, string reason)
    {
        if (_reportedUnsendable.Add(entry.Id))
        {
            logger.LogError("Outbox entry {EntryId} ({MessageType}) cannot be sent by this service: {Reason}. It stays pending.", entry.Id, entry.MessageType, reason);
        }
    }

    private async Task WaitAsync(int failures, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = failures == 0 ? settings.SweepInterval : settings.Backoff(failures);
        var waits = new List<Task> { Task.Delay(delay, time, wake.Token) };
        if (failures == 0)
        {
            // After a failure only the backoff wakes it: new commits must not hammer an unreachable broker.
            waits.Add(signal.WaitAsync(wake.Token));
        }

        await Task.WhenAny(waits);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }
}
