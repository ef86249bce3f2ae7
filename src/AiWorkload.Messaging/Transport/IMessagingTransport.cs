namespace AiWorkload.Messaging.Transport;

/// <summary>
/// What an adapter implements: a thin mapping onto one Service Bus (the embedded engine, Azure Service Bus).
/// Serialization, retries, poison handling, telemetry and dead-letter tooling live above it, shared by every adapter.
/// </summary>
public interface IMessagingTransport
{
    /// <summary>Sends atomically to a queue or topic: all messages are accepted or none is.</summary>
    Task SendAsync(string destination, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken);

    /// <summary>Returns one sequence number per message, in order, for cancelling.</summary>
    Task<IReadOnlyList<long>> ScheduleAsync(string destination, IReadOnlyList<TransportMessage> messages, DateTimeOffset enqueueTime, CancellationToken cancellationToken);

    Task CancelScheduledAsync(string destination, IReadOnlyList<long> sequenceNumbers, CancellationToken cancellationToken);

    ITransportProcessor CreateProcessor(TransportProcessorSettings settings, TransportDeliveryHandler onMessage, TransportErrorHandler onError);

    /// <summary>Reads the dead-letter queue of <paramref name="source"/> without locking anything.</summary>
    Task<IReadOnlyList<TransportReceivedMessage>> PeekDeadLettersAsync(MessageSource source, long fromSequenceNumber, int maxMessages, CancellationToken cancellationToken);

    /// <summary>Locks up to <paramref name="maxMessages"/> dead-lettered messages of <paramref name="source"/> for settlement.</summary>
    Task<IReadOnlyList<ITransportDelivery>> ReceiveDeadLettersAsync(MessageSource source, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken);

    Task<EntityMessageCounts> GetMessageCountsAsync(MessageSource source, CancellationToken cancellationToken);
}
