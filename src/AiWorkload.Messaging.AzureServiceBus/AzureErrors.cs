// Targets Azure.Messaging.ServiceBus 7.21.0 (ServiceBusException.Reason/IsTransient/EntityPath) and Azure.Core
// (RequestFailedException.Status), the version Azure.Messaging.ServiceBus 7.21.0 depends on.
using AiWorkload.Messaging.Transport;
using Azure;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// Turns the SDK's failures into the port's <see cref="MessagingException"/>, so handlers, the retry policy and the
/// dead-letter tooling see the same reasons on Azure as on the embedded engine (a lost lock is MessageLockLost, never a
/// silent success). The mapping itself is <see cref="ServiceBusErrorMapping"/>, tested in CI.
/// </summary>
internal static class AzureErrors
{
    public static Exception Translate(Exception error, string? entityPath) => error switch
    {
        ServiceBusException serviceBus => new MessagingException(
            ServiceBusErrorMapping.ToReason(serviceBus.Reason.ToString(), serviceBus.IsTransient),
            entityPath ?? serviceBus.EntityPath,
            serviceBus.Message,
            serviceBus),
        RequestFailedException http => new MessagingException(ServiceBusErrorMapping.FromHttpStatus(http.Status), entityPath, http.Message, http),

        // The administration client's answer to a caller without Manage rights: retrying will not help.
        UnauthorizedAccessException denied => new MessagingException(MessagingErrorReason.InvalidOperation, entityPath, denied.Message, denied),
        ObjectDisposedException closed => new MessagingException(MessagingErrorReason.EngineClosed, entityPath, "The Service Bus client is closed.", closed),

        // Azure.Core's retry policy gives up with every attempt's failure; the last one says why.
        AggregateException { InnerExceptions: [.., var last] } when IsTranslated(last) => Translate(last, entityPath),
        _ => error,
    };

    public static async Task RunAsync(Func<Task> operation, string? entityPath)
    {
        try
        {
            await operation();
        }
        catch (Exception error) when (IsTranslated(error))
        {
            throw Translate(error, entityPath);
        }
    }

    public static async Task<T> RunAsync<T>(Func<Task<T>> operation, string? entityPath)
    {
        try
        {
            return await operation();
        }
        catch (Exception error) when (IsTranslated(error))
        {
            throw Translate(error, entityPath);
        }
    }

    private static bool IsTranslated(Exception error) =>
        error is ServiceBusException or RequestFailedException or UnauthorizedAccessException or ObjectDisposedException
        || (error is AggregateException { InnerExceptions: [.., var last] } && IsTranslated(last));
}
