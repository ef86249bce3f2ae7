// Targets Azure.Messaging.ServiceBus 7.21.0: ServiceBusReceiver settlement methods, RenewMessageLockAsync and
// ServiceBusReceiver.EntityPath.
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>A dead-lettered message locked by a receiver, for the dead-letter tooling to complete or release.</summary>
internal sealed class AzureReceiverDelivery(MessageSource source, ServiceBusReceiver receiver, ServiceBusReceivedMessage received) : ITransportDelivery
{
    public MessageSource Source { get; } = source;

    public TransportReceivedMessage Message { get; } = AzureMessageMapper.ToTransport(received);

    public ITransportSession? Session => null;

    public Task CompleteAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => receiver.CompleteMessageAsync(received, cancellationToken), receiver.EntityPath);

    public Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => receiver.AbandonMessageAsync(received, AzureMessageMapper.ToPropertiesToModify(propertiesToModify), cancellationToken), receiver.EntityPath);

    public Task DeadLetterAsync(string reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(
            () => AzureMessageMapper.ToPropertiesToModify(propertiesToModify) is { } properties
                ? receiver.DeadLetterMessageAsync(received, properties, reason, description, cancellationToken)
                : receiver.DeadLetterMessageAsync(received, reason, description, cancellationToken),
            receiver.EntityPath);

    public Task DeferAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => receiver.DeferMessageAsync(received, AzureMessageMapper.ToPropertiesToModify(propertiesToModify), cancellationToken), receiver.EntityPath);

    public Task<DateTimeOffset> RenewLockAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(async () =>
        {
            await receiver.RenewMessageLockAsync(received, cancellationToken);
            return received.LockedUntil;
        }, receiver.EntityPath);
}
