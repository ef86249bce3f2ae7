// Targets Azure.Messaging.ServiceBus 7.21.0: ProcessErrorEventArgs (Exception, ErrorSource, EntityPath).
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>Hands processor failures to the port's error handler, worded and typed as the embedded adapter reports them.</summary>
internal static class AzureProcessorErrors
{
    /// <summary>Cancellations while the processor stops are its normal shutdown, not failures worth an error log.</summary>
    public static Task ReportAsync(TransportErrorHandler onError, MessageSource source, ProcessErrorEventArgs args, bool isProcessing) =>
        args.Exception is OperationCanceledException && !isProcessing
            ? Task.CompletedTask
            : ReportAsync(onError, source, ServiceBusErrorMapping.ToOperation(args.ErrorSource.ToString()), AzureErrors.Translate(args.Exception, args.EntityPath));

    public static async Task ReportAsync(TransportErrorHandler onError, MessageSource source, string operation, Exception error)
    {
        try
        {
            await onError(new TransportError(source, operation, error));
        }
        catch (Exception handlerError) when (handlerError is not OperationCanceledException)
        {
            // An error handler that fails must not take the processor down with it.
        }
    }
}
