using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>
/// Processes a queue or subscription without sessions: up to MaxConcurrentCalls handlers at once, fed from a receive of
/// up to PrefetchCount messages (at least one) whenever the local buffer is empty.
/// </summary>
internal sealed class EmbeddedQueueProcessor(
    EmbeddedServiceBusProvider engines,
    TransportProcessorSettings settings,
    TransportDeliveryHandler onMessage,
    TransportErrorHandler onError,
    MessagingTelemetry telemetry,
    TimeProvider time,
    TimeSpan receiveWait)
    : EmbeddedProcessor(engines, settings, onMessage, onError, telemetry, time)
{
    protected override async Task RunAsync(EmbeddedServiceBus engine, CancellationToken stopping)
    {
        var path = Source.EntityPath;
        using var slots = new SemaphoreSlim(Settings.MaxConcurrentCalls);
        var buffer = new Queue<ReceivedMessage>();
        var running = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await slots.WaitAsync(stopping);
                if (buffer.Count == 0 && !await FillAsync(engine, path, buffer, stopping))
                {
                    slots.Release();
                    continue;
                }

                var delivery = new EmbeddedDelivery(engine, Source, path, buffer.Dequeue());
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await HandleAsync(delivery, stopping);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await ReleaseAsync(engine, path, buffer);
            await Task.WhenAll(running);
        }
    }

    private async Task<bool> FillAsync(EmbeddedServiceBus engine, string path, Queue<ReceivedMessage> buffer, CancellationToken stopping)
    {
        try
        {
            foreach (var message in await engine.ReceiveAsync(path, Math.Max(1, Settings.PrefetchCount), receiveWait, ReceiveMode.PeekLock, stopping))
            {
                buffer.Enqueue(message);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Reported and retried: the loop must outlive a failed receive, or the processor silently stops.
            await ReportAsync("receive", error);
            await BackOffAsync(stopping);
        }

        return buffer.Count > 0;
    }

    /// <summary>Prefetched messages no handler started go back now, instead of waiting out their locks.</summary>
    private static async Task ReleaseAsync(EmbeddedServiceBus engine, string path, Queue<ReceivedMessage> buffer)
    {
        foreach (var message in buffer)
        {
            try
            {
                await engine.AbandonAsync(path, message.LockToken);
            }
            catch (MessagingException)
            {
                // The lock already expired or the engine closed: the message is available again either way.
            }
        }

        buffer.Clear();
    }
}
