using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Orchestration.Outbox;

/// <summary>A message type the outbox can hold: serialised when a change commits, sent through the bus afterwards.</summary>
public interface IOutboxMessageType
{
    Type ClrType { get; }

    string Name { get; }

    string Serialize(object message);

    /// <summary>Sends or publishes (as the entry's kind says) with the entry's MessageId and CorrelationId.</summary>
    Task SendAsync(IMessageBus bus, OutboxEntry entry, CancellationToken cancellationToken);

    Task<ScheduledMessage> ScheduleAsync(IMessageBus bus, OutboxEntry entry, CancellationToken cancellationToken);
}
