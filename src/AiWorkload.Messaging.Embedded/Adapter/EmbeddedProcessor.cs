using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>What both embedded processors share: start and stop, the handler call with lock renewal, and error reporting.</summary>
internal abstract class EmbeddedProcessor(
    EmbeddedServiceBusProvider engines,
    TransportProcessorSettings settings,
    TransportDeliveryHandler onMessage,
    TransportErrorHandler onError,
    MessagingTelemetry telemetry,
    TimeProvider time) : ITransportProcessor
{
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    public MessageSource Source => settings.Source;

    public bool IsProcessing => _stopping is { IsCancellationRequested: false } && !_running.IsCompleted;

    protected TransportProcessorSettings Settings => settings;

    protected TimeProvider Time => time;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException($"The processor for {Source} was already started.");
        }

        // Opening here makes a broken topology or data directory fail the host's start, not a background loop.
        var engine = await engines.GetEngineAsync(cancellationToken);
        _stopping = new CancellationTokenSource();
        var stopping = _stopping.Token;
        _running = Task.Run(() => RunAsync(engine, stopping), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _stopping.IsCancellationRequested)
        {
            await _running.WaitAsync(cancellationToken);
            return;
        }

        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        finally
        {
            _stopping?.Dispose();
        }
    }

    /// <summary>Runs until <paramref name="stopping"/> is cancelled and every started handler has finished.</summary>
    protected abstract Task RunAsync(EmbeddedServiceBus engine, CancellationToken stopping);

    /// <summary>Calls the handler while a renewer keeps the message lock (or, for sessions, the caller keeps the session lock).</summary>
    protected async Task HandleAsync(EmbeddedDelivery delivery, CancellationToken stopping)
    {
        using var handled = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewing = Task.CompletedTask;
        if (delivery.Session is null && settings.MaxAutoLockRenewalDuration > TimeSpan.Zero)
        {
            var renewer = CreateRenewer(delivery.RenewLockAsync, () => delivery.IsSettling);
            renewer.RenewUntil = time.GetUtcNow() + settings.MaxAutoLockRenewalDuration;
            renewing = renewer.RunAsync(delivery.Message.LockedUntil, handled.Token);
        }

        try
        {
            await onMessage(delivery, stopping);
        }
        catch (Exception error)
        {
            await ReportAsync("process message", error);
        }
        finally
        {
            await handled.CancelAsync();
            await renewing;
        }
    }

    protected LockRenewer CreateRenewer(Func<CancellationToken, Task<DateTimeOffset>> renew, Func<bool> isSettled) =>
        new(time, renew, isSettled, () => telemetry.RecordLockRenewal(Source), error => ReportAsync("renew lock", error));

    protected async Task ReportAsync(string operation, Exception error)
    {
        try
        {
            await onError(new TransportError(Source, operation, error));
        }
        catch (Exception handlerError) when (handlerError is not OperationCanceledException)
        {
            // An error handler that fails must not take the receive loop down with it.
        }
    }

    /// <summary>Waits a moment after a failed receive or accept, so a persistent failure does not spin.</summary>
    protected async Task BackOffAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(FailureBackoff, time, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
