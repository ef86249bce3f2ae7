using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.Options;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>The port's transport over the embedded engine: every operation is one engine call.</summary>
internal sealed class EmbeddedTransport(
    EmbeddedServiceBusProvider engines,
    MessagingTelemetry telemetry,
    TimeProvider time,
    IOptions<EmbeddedTransportOptions> options) : IMessagingTransport
{
    public async Task SendAsync(string destination, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        var engine = await engines.GetEngineAsync(cancellationToken);
        await engine.SendAsync(destination, [.. messages.Select(EmbeddedMessageMapper.ToOutgoing)], cancellationToken);
    }

    public async Task<IReadOnlyList<long>> ScheduleAsync(string destination, IReadOnlyList<TransportMessage> messages, DateTimeOffset enqueueTime, CancellationToken cancellationToken)
    {
        var engine = await engines.GetEngineAsync(cancellationToken);
        return await engine.ScheduleAsync(destination, [.. messages.Select(EmbeddedMessageMapper.ToOutgoing)], enqueueTime, cancellationToken);
    }

    public async Task CancelScheduledAsync(string destination, IReadOnlyList<long> sequenceNumbers, CancellationToken cancellationToken)
    {
        var engine = await engines.GetEngineAsync(cancellationToken);
        foreach (var sequenceNumber in sequenceNumbers)
        {
            await engine.CancelScheduledAsync(destination, sequenceNumber, cancellationToken);
        }
    }

    public ITransportProcessor CreateProcessor(TransportProcessorSettings settings, TransportDeliveryHandler onMessage, TransportErrorHandler onError)
    {
        var values = options.Value;
        return settings.RequiresSession
            ? new EmbeddedSessionProcessor(engines, settings, onMessage, onError, telemetry, time, values.ReceiveWaitTime, values.DefaultSessionIdleTimeout)
            : new EmbeddedQueueProcessor(engines, settings, onMessage, onError, telemetry, time, values.ReceiveWaitTime);
    }

    public async Task<IReadOnlyList<TransportReceivedMessage>> PeekDeadLettersAsync(MessageSource source, long fromSequenceNumber, int maxMessages, CancellationToken cancellationToken)
    {
        var engine = await engines.GetEngineAsync(cancellationToken);
        return [.. engine.Peek(EntityPaths.DeadLetter(source.EntityPath), fromSequenceNumber, maxMessages).Select(EmbeddedMessageMapper.ToTransport)];
    }

    public async Task<IReadOnlyList<ITransportDelivery>> ReceiveDeadLettersAsync(MessageSource source, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var engine = await engines.GetEngineAsync(cancellationToken);
        var path = EntityPaths.DeadLetter(source.EntityPath);
        var received = await engine.ReceiveAsync(path, maxMessages, maxWait, ReceiveMode.PeekLock, cancellationToken);
        return [.. received.Select(m => new EmbeddedDelivery(engine, source, path, m))];
    }

    public async Task<EntityMessageCounts> GetMessageCountsAsync(MessageSource source, CancellationToken cancellationToken)
    {
        var engine = await engines.GetEngineAsync(cancellationToken);
        var counts = engine.GetRuntimeProperties(source.EntityPath);
        return new EntityMessageCounts(counts.ActiveMessageCount, counts.DeadLetterMessageCount, counts.ScheduledMessageCount);
    }
}
