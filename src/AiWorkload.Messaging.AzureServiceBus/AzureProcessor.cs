// Targets Azure.Messaging.ServiceBus 7.21.0: ServiceBusClient.CreateProcessor/CreateSessionProcessor, and on
// ServiceBusProcessor and ServiceBusSessionProcessor: ProcessMessageAsync, ProcessErrorAsync (ProcessErrorEventArgs:
// Exception, ErrorSource, EntityPath), StartProcessingAsync, StopProcessingAsync, IsProcessing, DisposeAsync.
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// An entity processed by the SDK's ServiceBusProcessor (MaxConcurrentCalls handlers, prefetch, lock renewal) or, when it
/// requires sessions, its ServiceBusSessionProcessor (MaxConcurrentSessions sessions, each one message at a time). The two
/// SDK types share no base, so <see cref="Create"/> hands this class their operations; everything else is written once.
/// </summary>
internal sealed class AzureProcessor(
    MessageSource source,
    Func<CancellationToken, Task> start,
    Func<CancellationToken, Task> stop,
    Func<bool> isProcessing,
    IAsyncDisposable processor,
    TransportDeliveryHandler onMessage,
    TransportErrorHandler onError) : ITransportProcessor
{
    public MessageSource Source { get; } = source;

    public bool IsProcessing => isProcessing();

    /// <summary>The SDK allows one handler per event, so they are attached once, here.</summary>
    public static AzureProcessor Create(ServiceBusClient client, TransportProcessorSettings settings, TransportDeliveryHandler onMessage, TransportErrorHandler onError)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        var source = settings.Source;
        if (settings.RequiresSession)
        {
            var sessionOptions = AzureProcessorOptions.ForSessions(settings);
            var sessions = source.SubscriptionName is { } sessionSubscription
                ? client.CreateSessionProcessor(source.DestinationName, sessionSubscription, sessionOptions)
                : client.CreateSessionProcessor(source.DestinationName, sessionOptions);
            var sessionAdapter = new AzureProcessor(source, sessions.StartProcessingAsync, sessions.StopProcessingAsync, () => sessions.IsProcessing, sessions, onMessage, onError);
            sessions.ProcessMessageAsync += args => sessionAdapter.HandleAsync(() => AzureDelivery.From(source, args), args.CancellationToken);
            sessions.ProcessErrorAsync += sessionAdapter.ReportAsync;
            return sessionAdapter;
        }

        var options = AzureProcessorOptions.ForQueue(settings);
        var messages = source.SubscriptionName is { } subscription
            ? client.CreateProcessor(source.DestinationName, subscription, options)
            : client.CreateProcessor(source.DestinationName, options);
        var adapter = new AzureProcessor(source, messages.StartProcessingAsync, messages.StopProcessingAsync, () => messages.IsProcessing, messages, onMessage, onError);
        messages.ProcessMessageAsync += args => adapter.HandleAsync(() => AzureDelivery.From(source, args), args.CancellationToken);
        messages.ProcessErrorAsync += adapter.ReportAsync;
        return adapter;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => start(cancellationToken), Source.EntityPath);

    /// <summary>The SDK cancels the handlers' token (args.CancellationToken) and waits for them, as the port asks.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => stop(cancellationToken), Source.EntityPath);

    public ValueTask DisposeAsync() => processor.DisposeAsync();

    /// <summary>The dispatcher settles every message; a failure that escapes it is reported, as the embedded adapter does.</summary>
    private async Task HandleAsync(Func<ITransportDelivery> delivery, CancellationToken cancellationToken)
    {
        try
        {
            await onMessage(delivery(), cancellationToken);
        }
        catch (Exception error)
        {
            await ReportAsync("process message", error);
        }
    }

    /// <summary>Cancellations while the processor stops are its normal shutdown, not failures worth an error log.</summary>
    private Task ReportAsync(ProcessErrorEventArgs args) =>
        args.Exception is OperationCanceledException && !IsProcessing
            ? Task.CompletedTask
            : ReportAsync(ServiceBusErrorMapping.ToOperation(args.ErrorSource.ToString()), AzureErrors.Translate(args.Exception, args.EntityPath));

    /// <summary>Worded and typed as the embedded adapter reports; an error handler that fails must not take the processor down.</summary>
    private async Task ReportAsync(string operation, Exception error)
    {
        try
        {
            await onError(new TransportError(Source, operation, error));
        }
        catch (Exception handlerError) when (handlerError is not OperationCanceledException)
        {
            // Swallowed on purpose: see the summary.
        }
    }
}
