using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Tests.Port;

/// <summary>Records scheduled copies; the dispatcher needs nothing else from a transport.</summary>
internal sealed class FakeTransport(List<string>? journal = null) : IMessagingTransport
{
    public List<(string Destination, TransportMessage Message, DateTimeOffset EnqueueTime)> Scheduled { get; } = [];

    public Task SendAsync(string destination, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<long>> ScheduleAsync(string destination, IReadOnlyList<TransportMessage> messages, DateTimeOffset enqueueTime, CancellationToken cancellationToken)
    {
        Scheduled.AddRange(messages.Select(m => (destination, m, enqueueTime)));
        journal?.Add("schedule");
        return Task.FromResult<IReadOnlyList<long>>([.. messages.Select((_, i) => 100L + i)]);
    }

    public Task CancelScheduledAsync(string destination, IReadOnlyList<long> sequenceNumbers, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ITransportProcessor CreateProcessor(TransportProcessorSettings settings, TransportDeliveryHandler onMessage, TransportErrorHandler onError) => throw new NotSupportedException();

    public Task<IReadOnlyList<TransportReceivedMessage>> PeekDeadLettersAsync(MessageSource source, long fromSequenceNumber, int maxMessages, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ITransportDelivery>> ReceiveDeadLettersAsync(MessageSource source, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<EntityMessageCounts> GetMessageCountsAsync(MessageSource source, CancellationToken cancellationToken) => throw new NotSupportedException();
}
