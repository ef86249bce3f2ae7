// Targets Azure.Messaging.ServiceBus 7.21.0: ServiceBusClient (CreateSender, CreateReceiver), ServiceBusSender (SendMessagesAsync, ScheduleMessagesAsync, CancelScheduledMessagesAsync),
// ServiceBusReceiver (PeekMessagesAsync, ReceiveMessagesAsync), ServiceBusReceiverOptions.SubQueue, and
// ServiceBusAdministrationClient (GetQueueRuntimePropertiesAsync, GetSubscriptionRuntimePropertiesAsync).
using System.Collections.Concurrent;
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>
/// The port's transport over Azure Service Bus: every operation is one SDK call on the ServiceBusClient registered in DI.
/// Senders and dead-letter receivers are cached per entity (they hold AMQP links); the client itself belongs to DI.
/// </summary>
internal sealed class AzureServiceBusTransport(ServiceBusClient client, IServiceProvider services) : IMessagingTransport, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceBusReceiver> _deadLetterReceivers = new(StringComparer.Ordinal);

    // Resolved on first use: messaging works without administration rights, only the depth gauges need them.
    private readonly Lazy<ServiceBusAdministrationClient?> _administration = new(services.GetService<ServiceBusAdministrationClient>);

    /// <summary>One batch: the service accepts all of it or none, as the port requires.</summary>
    public Task SendAsync(string destination, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }

        var batch = messages.Select(AzureMessageMapper.ToServiceBusMessage).ToList();
        return AzureErrors.RunAsync(() => Sender(destination).SendMessagesAsync(batch, cancellationToken), destination);
    }

    public async Task<IReadOnlyList<long>> ScheduleAsync(string destination, IReadOnlyList<TransportMessage> messages, DateTimeOffset enqueueTime, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var batch = messages.Select(AzureMessageMapper.ToServiceBusMessage).ToList();
        return await AzureErrors.RunAsync(() => Sender(destination).ScheduleMessagesAsync(batch, enqueueTime, cancellationToken), destination);
    }

    public Task CancelScheduledAsync(string destination, IReadOnlyList<long> sequenceNumbers, CancellationToken cancellationToken) =>
        sequenceNumbers.Count == 0
            ? Task.CompletedTask
            : AzureErrors.RunAsync(() => Sender(destination).CancelScheduledMessagesAsync(sequenceNumbers, cancellationToken), destination);

    public ITransportProcessor CreateProcessor(TransportProcessorSettings settings, TransportDeliveryHandler onMessage, TransportErrorHandler onError) =>
        AzureProcessor.Create(client, settings, onMessage, onError);

    /// <summary>The sequence number is always given, so a cached receiver never continues from an earlier peek.</summary>
    public async Task<IReadOnlyList<TransportReceivedMessage>> PeekDeadLettersAsync(MessageSource source, long fromSequenceNumber, int maxMessages, CancellationToken cancellationToken)
    {
        var receiver = DeadLetterReceiver(source);
        var peeked = await AzureErrors.RunAsync(
            () => receiver.PeekMessagesAsync(maxMessages, Math.Max(0, fromSequenceNumber), cancellationToken),
            receiver.EntityPath);
        return [.. peeked.Select(AzureMessageMapper.ToTransport)];
    }

    public async Task<IReadOnlyList<ITransportDelivery>> ReceiveDeadLettersAsync(MessageSource source, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var receiver = DeadLetterReceiver(source);
        var received = await AzureErrors.RunAsync(
            () => receiver.ReceiveMessagesAsync(maxMessages, maxWait, cancellationToken),
            receiver.EntityPath);
        return [.. received.Select(message => AzureDelivery.From(source, receiver, message))];
    }

    /// <summary>
    /// From the administration client's runtime properties. A subscription has no scheduled messages of its own:
    /// scheduled messages wait in the topic until they are copied to the subscriptions.
    /// </summary>
    public async Task<EntityMessageCounts> GetMessageCountsAsync(MessageSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var administration = _administration.Value ?? throw new MessagingException(
            MessagingErrorReason.InvalidOperation,
            source.EntityPath,
            "No Service Bus administration client is configured: set ConnectionStrings:messaging (or the Aspire settings' namespace) before AddAzureServiceBusTransport.");
        if (source.SubscriptionName is not { } subscription)
        {
            var queue = await AzureErrors.RunAsync(() => administration.GetQueueRuntimePropertiesAsync(source.DestinationName, cancellationToken), source.EntityPath);
            return new EntityMessageCounts(queue.Value.ActiveMessageCount, queue.Value.DeadLetterMessageCount, queue.Value.ScheduledMessageCount);
        }

        var counts = await AzureErrors.RunAsync(
            () => administration.GetSubscriptionRuntimePropertiesAsync(source.DestinationName, subscription, cancellationToken),
            source.EntityPath);
        return new EntityMessageCounts(counts.Value.ActiveMessageCount, counts.Value.DeadLetterMessageCount, 0);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }

        foreach (var receiver in _deadLetterReceivers.Values)
        {
            await receiver.DisposeAsync();
        }

        _senders.Clear();
        _deadLetterReceivers.Clear();
    }

    private ServiceBusSender Sender(string destination) =>
        _senders.GetOrAdd(destination, client.CreateSender);

    private ServiceBusReceiver DeadLetterReceiver(MessageSource source) =>
        _deadLetterReceivers.GetOrAdd(source.EntityPath, _ =>
        {
            var options = new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter, ReceiveMode = ServiceBusReceiveMode.PeekLock };
            return source.SubscriptionName is { } subscription
                ? client.CreateReceiver(source.DestinationName, subscription, options)
                : client.CreateReceiver(source.DestinationName, options);
        });
}
