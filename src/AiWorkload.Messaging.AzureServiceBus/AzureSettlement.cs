// Targets Azure.Messaging.ServiceBus 7.21.0: Complete/Abandon/DeadLetter/DeferMessageAsync on ProcessMessageEventArgs,
// ProcessSessionMessageEventArgs and ServiceBusReceiver; RenewMessageLockAsync (which updates
// ServiceBusReceivedMessage.LockedUntil); RenewSessionLockAsync and SessionLockedUntil; EntityPath on all three.
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// The settlement calls of whatever holds a message's lock. The SDK gives the same methods to three unrelated types
/// (a processor's event args, a session processor's event args, a receiver) and settlement must go through the holder,
/// so these delegates are the one seam that lets <see cref="AzureDelivery"/> be written once.
/// </summary>
internal sealed record AzureSettlement(
    string EntityPath,
    Func<ServiceBusReceivedMessage, CancellationToken, Task> Complete,
    Func<ServiceBusReceivedMessage, Dictionary<string, object>?, CancellationToken, Task> Abandon,
    Func<ServiceBusReceivedMessage, string, string?, CancellationToken, Task> DeadLetter,
    Func<ServiceBusReceivedMessage, Dictionary<string, object>, string, string?, CancellationToken, Task> DeadLetterModifying,
    Func<ServiceBusReceivedMessage, Dictionary<string, object>?, CancellationToken, Task> Defer,
    Func<ServiceBusReceivedMessage, CancellationToken, Task<DateTimeOffset>> RenewLock)
{
    public static AzureSettlement Of(ProcessMessageEventArgs args) => new(
        args.EntityPath,
        args.CompleteMessageAsync,
        args.AbandonMessageAsync,
        args.DeadLetterMessageAsync,
        args.DeadLetterMessageAsync,
        args.DeferMessageAsync,
        async (message, cancellationToken) =>
        {
            await args.RenewMessageLockAsync(message, cancellationToken);
            return message.LockedUntil;
        });

    /// <summary>On a session entity messages have no locks of their own: renewing renews the session lock, as on the embedded engine.</summary>
    public static AzureSettlement Of(ProcessSessionMessageEventArgs args) => new(
        args.EntityPath,
        args.CompleteMessageAsync,
        args.AbandonMessageAsync,
        args.DeadLetterMessageAsync,
        args.DeadLetterMessageAsync,
        args.DeferMessageAsync,
        async (_, cancellationToken) =>
        {
            await args.RenewSessionLockAsync(cancellationToken);
            return args.SessionLockedUntil;
        });

    /// <summary>A message a receiver locked, such as a dead letter the tooling completes or releases.</summary>
    public static AzureSettlement Of(ServiceBusReceiver receiver) => new(
        receiver.EntityPath,
        receiver.CompleteMessageAsync,
        receiver.AbandonMessageAsync,
        receiver.DeadLetterMessageAsync,
        receiver.DeadLetterMessageAsync,
        receiver.DeferMessageAsync,
        async (message, cancellationToken) =>
        {
            await receiver.RenewMessageLockAsync(message, cancellationToken);
            return message.LockedUntil;
        });
}
