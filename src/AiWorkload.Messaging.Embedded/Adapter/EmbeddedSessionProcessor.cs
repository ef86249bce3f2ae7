using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>
/// Processes a session-enabled entity: MaxConcurrentSessions slots, each holding one session at a time and handling its
/// messages one by one, in order, until the session is idle for SessionIdleTimeout. The session lock is renewed meanwhile.
/// </summary>
internal sealed class EmbeddedSessionProcessor(
    EmbeddedServiceBusProvider engines,
    TransportProcessorSettings settings,
    TransportDeliveryHandler onMessage,
    TransportErrorHandler onError,
    MessagingTelemetry telemetry,
    TimeProvider time,
    TimeSpan receiveWait,
    TimeSpan defaultIdleTimeout)
    : EmbeddedProcessor(engines, settings, onMessage, onError, telemetry, time)
{
    private TimeSpan IdleTimeout => Settings.SessionIdleTimeout ?? defaultIdleTimeout;

    protected override Task RunAsync(EmbeddedServiceBus engine, CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, Settings.MaxConcurrentSessions).Select(_ => Task.Run(() => RunSlotAsync(engine, stopping), CancellationToken.None)));

    private async Task RunSlotAsync(EmbeddedServiceBus engine, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            EmbeddedSessionReceiver? receiver;
            try
            {
                receiver = await engine.AcceptSessionAsync(Source.EntityPath, null, receiveWait, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                await ReportAsync("accept session", error);
                await BackOffAsync(stopping);
                continue;
            }

            if (receiver is null)
            {
                continue;
            }

            // Disposing releases the session; a message left unsettled returns as abandoned.
            await using (receiver)
            {
                await ProcessSessionAsync(engine, receiver, stopping);
            }
        }
    }

    private async Task ProcessSessionAsync(EmbeddedServiceBus engine, EmbeddedSessionReceiver receiver, CancellationToken stopping)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewing = Task.CompletedTask;
        LockRenewer? renewer = null;
        if (Settings.MaxAutoLockRenewalDuration > TimeSpan.Zero)
        {
            renewer = CreateRenewer(_ => receiver.RenewSessionLockAsync(), () => false);
            renewer.RenewUntil = Time.GetUtcNow() + Settings.MaxAutoLockRenewalDuration;
            renewing = renewer.RunAsync(receiver.SessionLockedUntil, held.Token);
        }

        try
        {
            while (!stopping.IsCancellationRequested)
            {
                IReadOnlyList<ReceivedMessage> received;
                try
                {
                    received = await receiver.ReceiveAsync(1, IdleTimeout, ReceiveMode.PeekLock, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // Usually a lost session lock; the slot lets the session go and accepts the next one.
                    await ReportAsync("receive from session", error);
                    return;
                }

                if (received.Count == 0)
                {
                    return;
                }

                if (renewer is not null)
                {
                    renewer.RenewUntil = Time.GetUtcNow() + Settings.MaxAutoLockRenewalDuration;
                }

                await HandleAsync(new EmbeddedDelivery(engine, Source, Source.EntityPath, received[0], receiver), stopping);
            }
        }
        finally
        {
            await held.CancelAsync();
            await renewing;
        }
    }
}
