using System.Globalization;
using Dispatch = AiWorkload.Messaging.Outbox;

namespace AiWorkload.Orchestration.Store;

/// <summary>How every run store hands its outbox entries to the messaging dispatcher and finds them again to mark them.</summary>
public static class OutboxEntryMapping
{
    public static Dispatch.OutboxEntry ToDispatch(this OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id.ToString(CultureInfo.InvariantCulture), entry.MessageType, entry.Payload, entry.CreatedAt)
        {
            MessageId = entry.MessageId,
            CorrelationId = entry.CorrelationId,
            EnqueueAt = entry.EnqueueAt,
            Delivery = entry.Kind switch
            {
                OutboxKind.Send => Dispatch.OutboxDelivery.Send,
                OutboxKind.Publish => Dispatch.OutboxDelivery.Publish,
                OutboxKind.Schedule => Dispatch.OutboxDelivery.Schedule,
                _ => Dispatch.OutboxDelivery.CancelScheduled,
            },
        };
    }

    public static long StoreId(this Dispatch.OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return long.Parse(entry.Id, CultureInfo.InvariantCulture);
    }
}
