// Targets Azure.Messaging.ServiceBus 7.21.0: ProcessSessionMessageEventArgs (Message, EntityPath, settlement,
// RenewSessionLockAsync, SessionLockedUntil).
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// A message of a session a ServiceBusSessionProcessor holds. Renewing renews the session lock: on a session entity
/// messages have no locks of their own, as on the embedded engine.
/// </summary>
internal sealed class AzureSessionDelivery(MessageSource source, ProcessSessionMessageEventArgs args) : ITransportDelivery
{
    public MessageSource Source { get; } = source;

    public TransportReceivedMessage Message { get; } = AzureMessageMapper.ToTransport(args.Message);

    public ITransportSession? Session { get; } = new AzureTransportSession(args);

    public Task CompleteAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => args.CompleteMessageAsync(args.Message, cancellationToken), args.EntityPath);

    public Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => args.AbandonMessageAsync(args.Message, AzureMessageMapper.ToPropertiesToModify(propertiesToModify), cancellationToken), args.EntityPath);

    public Task DeadLetterAsync(string reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(
            () => AzureMessageMapper.ToPropertiesToModify(propertiesToModify) is { } properties
                ? args.DeadLetterMessageAsync(args.Message, properties, reason, description, cancellationToken)
                : args.DeadLetterMessageAsync(args.Message, reason, description, cancellationToken),
            args.EntityPath);

    public Task DeferAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => args.DeferMessageAsync(args.Message, AzureMessageMapper.ToPropertiesToModify(propertiesToModify), cancellationToken), args.EntityPath);

    public Task<DateTimeOffset> RenewLockAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(async () =>
        {
            await args.RenewSessionLockAsync(cancellationToken);
            return args.SessionLockedUntil;
        }, args.EntityPath);
}
