using System.Diagnostics;
using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Outbox;

/// <summary>
/// Publishes what the API wrote to the catalog's outbox, in order, and marks each entry sent after the broker accepted it.
/// It wakes on <see cref="OutboxSignal"/> after each write and sweeps periodically (entries left by a crash or another
/// process). A crash between publish and mark re-publishes the entry on restart: its MessageId is deterministic, so the
/// broker's duplicate detection drops the copy. A failed publish stops the round (later entries wait, keeping order) and
/// is retried with exponential backoff.
/// </summary>
internal sealed class OutboxDispatcher(
    IWorkloadCatalog catalog,
    IMessageBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string ActivitySourceName = "AiWorkload.Ingestion";

    private static readonly ActivitySource Source = new(ActivitySourceName);
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
                logger.LogError(error, "The outbox could not be read; retrying");
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

    /// <summary>Sends every pending entry it can; false when a publish failed and the rest must wait for a retry.</summary>
    internal async Task<bool> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (true)
        {
            var pending = await catalog.GetPendingOutboxAsync(settings.BatchSize, cancellationToken);
            var sent = 0;
            foreach (var entry in pending)
            {
                if (!WorkloadOutbox.ByName.TryGetValue(entry.MessageType, out var type))
                {
                    ReportUnsendable(entry.EntryId, $"its type '{entry.MessageType}' is not a workload message");
                    continue;
                }

                try
                {
                    var payload = OutboxPayload.Read(entry.Payload);
                    using var activity = StartPublish(entry, payload.Parent);
                    await type.SendAsync(bus, payload.MessageJson, cancellationToken);
                }
                catch (Exception error) when (IsPermanent(error))
                {
                    ReportUnsendable(entry.EntryId, $"it can never be sent as a {entry.MessageType}: {error.Message}");
                    continue;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(error, "Publishing outbox entry {EntryId} ({MessageType}) failed; it stays pending and is retried", entry.EntryId, entry.MessageType);
                    return false;
                }

                await catalog.MarkOutboxSentAsync([entry.EntryId], time.GetUtcNow(), cancellationToken);
                sent++;
            }

            if (pending.Count < settings.BatchSize || sent == 0)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Continues the writer's trace: the send span (and the traceparent it puts on the message) becomes its child. Without a
    /// listener on this source a bare activity still carries the trace id across.
    /// </summary>
    private static Activity? StartPublish(Catalog.Outbox.OutboxEntry entry, ActivityContext parent)
    {
        var activity = Source.StartActivity($"outbox publish {entry.MessageType}", ActivityKind.Internal, parent);
        if (activity is null && parent != default)
        {
            activity = new Activity($"outbox publish {entry.MessageType}").SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start();
        }

        activity?.SetTag("aiworkload.outbox.entry_id", entry.EntryId);
        return activity;
    }

    /// <summary>
    /// Failures that a retry cannot fix (a payload that is not the type, a message Service Bus refuses): such an entry is
    /// set aside instead of blocking every entry after it. Anything else, an unreachable broker above all, is retried.
    /// </summary>
    private static bool IsPermanent(Exception error) =>
        error is JsonException or ArgumentException
        || error is MessagingException { Reason: MessagingErrorReason.MessageSizeExceeded or MessagingErrorReason.InvalidMessage };

    /// <summary>
    /// Left pending (for a dispatcher that knows the type, or an operator) and reported once, not at every sweep.
    /// </summary>
    private void ReportUnsendable(string entryId, string reason)
    {
        if (_reportedUnsendable.Add(entryId))
        {
            logger.LogError("Outbox entry {EntryId} cannot be sent by this service: {Reason}. It stays pending.", entryId, reason);
        }
    }

    private async Task WaitAsync(int failures, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = failures == 0 ? settings.SweepInterval : Backoff(settings, failures);
        var waits = new List<Task> { Task.Delay(delay, time, wake.Token) };
        if (failures == 0)
        {
            // After a failure only the backoff wakes it: new writes must not hammer an unreachable broker.
            waits.Add(signal.WaitAsync(wake.Token));
        }

        await Task.WhenAny(waits);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    internal static TimeSpan Backoff(OutboxOptions settings, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.RetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        return delay < settings.RetryDelay ? settings.RetryDelay : delay;
    }
}
