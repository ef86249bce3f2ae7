using AiWorkload.Catalog;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Ingestion.Outbox;

/// <summary>Sends a catalog outbox entry as the workload message its type names; commands are sent, events published.</summary>
internal sealed class WorkloadOutboxPublisher(IMessageBus bus) : IOutboxPublisher<IWorkloadCatalog>
{
    public async Task<ScheduledMessage?> PublishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!WorkloadOutbox.ByName.TryGetValue(entry.MessageType, out var type))
        {
            throw new OutboxUnsendableException($"its type '{entry.MessageType}' is not a workload message");
        }

        await type.SendAsync(bus, entry.Payload, cancellationToken);
        return null;
    }
}
