// Targets Azure.Messaging.ServiceBus 7.21.0: ServiceBusProcessor (ProcessMessageAsync, ProcessErrorAsync,
// StartProcessingAsync, StopProcessingAsync, IsProcessing, DisposeAsync).
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// A queue or subscription without sessions, processed by the SDK's ServiceBusProcessor, which receives, prefetches,
/// runs MaxConcurrentCalls handlers and renews locks. The SDK allows one handler per event, so they are attached once, here.
/// </summary>
internal sealed class AzureQueueProcessor : ITransportProcessor
{
    private readonly ServiceBusProcessor _processor;
    private readonly TransportDeliveryHandler _onMessage;
    private readonly TransportErrorHandler _onError;

    public AzureQueueProcessor(MessageSource source, ServiceBusProcessor processor, TransportDeliveryHandler onMessage, TransportErrorHandler onError)
    {
        Source = source;
        _processor = processor;
        _onMessage = onMessage;
        _onError = onError;
        _processor.ProcessMessageAsync += HandleAsync;
        _processor.ProcessErrorAsync += args => AzureProcessorErrors.ReportAsync(_onError, Source, args, _processor.IsProcessing);
    }

    public MessageSource Source { get; }

    public bool IsProcessing => _processor.IsProcessing;

    public Task StartAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => _processor.StartProcessingAsync(cancellationToken), Source.EntityPath);

    /// <summary>The SDK cancels the handlers' token (args.CancellationToken) and waits for them, as the port asks.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => _processor.StopProcessingAsync(cancellationToken), Source.EntityPath);

    public ValueTask DisposeAsync() => _processor.DisposeAsync();

    /// <summary>The dispatcher settles every message; a failure that escapes it is reported, as the embedded adapter does.</summary>
    private async Task HandleAsync(ProcessMessageEventArgs args)
    {
        try
        {
            await _onMessage(new AzureProcessorDelivery(Source, args), args.CancellationToken);
        }
        catch (Exception error)
        {
            await AzureProcessorErrors.ReportAsync(_onError, Source, "process message", error);
        }
    }
}
