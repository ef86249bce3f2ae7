// Targets Azure.Messaging.ServiceBus 7.21.0: ProcessMessageEventArgs (Message, EntityPath, Complete/Abandon/DeadLetter/
// Defer/RenewMessageLockAsync) and ServiceBusReceivedMessage.LockedUntil, which RenewMessageLockAsync updates.
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>A message a ServiceBusProcessor handed over; settlement goes through the event args, as the SDK requires.</summary>
internal sealed class AzureProcessorDelivery(MessageSource source, ProcessMessageEventArgs args) : ITransportDelivery
{
    public MessageSource Source { get; } = source;

    public TransportReceivedMessage Message { get; } = AzureMessageMapper.ToTransport(args.Message);

    public ITransportSession? Session => null;

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
            await args.RenewMessageLockAsync(args.Message, cancellationToken);
            return args.Message.LockedUntil;
        }, args.EntityPath);
}
