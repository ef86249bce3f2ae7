// Targets Azure.Messaging.ServiceBus 7.21.0: ServiceBusSessionProcessor (ProcessMessageAsync, ProcessErrorAsync,
// StartProcessingAsync, StopProcessingAsync, IsProcessing, DisposeAsync).
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// A session-enabled entity processed by the SDK's ServiceBusSessionProcessor: MaxConcurrentSessions sessions at once,
/// each one message at a time, with the session lock renewed while the session is held.
/// </summary>
internal sealed class AzureSessionProcessor : ITransportProcessor
{
    private readonly ServiceBusSessionProcessor _processor;
    private readonly TransportDeliveryHandler _onMessage;
    private readonly TransportErrorHandler _onError;

    public AzureSessionProcessor(MessageSource source, ServiceBusSessionProcessor processor, TransportDeliveryHandler onMessage, TransportErrorHandler onError)
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

    public Task StopAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => _processor.StopProcessingAsync(cancellationToken), Source.EntityPath);

    public ValueTask DisposeAsync() => _processor.DisposeAsync();

    private async Task HandleAsync(ProcessSessionMessageEventArgs args)
    {
        try
        {
            await _onMessage(new AzureSessionDelivery(Source, args), args.CancellationToken);
        }
        catch (Exception error)
        {
            await AzureProcessorErrors.ReportAsync(_onError, Source, "process message", error);
        }
    }
}
