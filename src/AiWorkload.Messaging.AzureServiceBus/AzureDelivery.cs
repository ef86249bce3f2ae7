using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// A locked message from Service Bus, whoever holds the lock: a queue processor, a session processor or a dead-letter
/// receiver. Every settlement goes through <paramref name="settlement"/>, as the SDK requires, with its errors translated.
/// </summary>
internal sealed class AzureDelivery(MessageSource source, ServiceBusReceivedMessage received, AzureSettlement settlement, ITransportSession? session = null)
    : ITransportDelivery
{
    public MessageSource Source { get; } = source;

    public TransportReceivedMessage Message { get; } = AzureMessageMapper.ToTransport(received);

    public ITransportSession? Session { get; } = session;

    public static AzureDelivery From(MessageSource source, ProcessMessageEventArgs args) =>
        new(source, args.Message, AzureSettlement.Of(args));

    public static AzureDelivery From(MessageSource source, ProcessSessionMessageEventArgs args) =>
        new(source, args.Message, AzureSettlement.Of(args), new AzureTransportSession(args));

    public static AzureDelivery From(MessageSource source, ServiceBusReceiver receiver, ServiceBusReceivedMessage received) =>
        new(source, received, AzureSettlement.Of(receiver));

    public Task CompleteAsync(CancellationToken cancellationToken) =>
        Run(() => settlement.Complete(received, cancellationToken));

    public Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        Run(() => settlement.Abandon(received, AzureMessageMapper.ToPropertiesToModify(propertiesToModify), cancellationToken));

    /// <summary>Only the overload with properties modifies them; without any, the plain overload is used as before.</summary>
    public Task DeadLetterAsync(string reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        Run(() => AzureMessageMapper.ToPropertiesToModify(propertiesToModify) is { } properties
            ? settlement.DeadLetterModifying(received, properties, reason, description, cancellationToken)
            : settlement.DeadLetter(received, reason, description, cancellationToken));

    public Task DeferAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        Run(() => settlement.Defer(received, AzureMessageMapper.ToPropertiesToModify(propertiesToModify), cancellationToken));

    public Task<DateTimeOffset> RenewLockAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => settlement.RenewLock(received, cancellationToken), settlement.EntityPath);

    private Task Run(Func<Task> operation) => AzureErrors.RunAsync(operation, settlement.EntityPath);
}
