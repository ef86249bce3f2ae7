using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;
using AiWorkload.Orchestration.Store;
using OutboxEntry = AiWorkload.Messaging.Outbox.OutboxEntry;

namespace AiWorkload.Orchestration.Outbox;

/// <summary>Sends, publishes, schedules or cancels what the run store's outbox holds, under the entry's MessageId.</summary>
internal sealed class RunOutboxPublisher(IRunStore store, IMessageBus bus, OutboxMessageTypes types, TimeProvider time) : IOutboxPublisher<IRunStore>
{
    public async Task<ScheduledMessage?> PublishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        switch (entry.Delivery)
        {
            case OutboxDelivery.Schedule:
                return await types.Get(entry.MessageType).ScheduleAsync(bus, entry, cancellationToken);
            case OutboxDelivery.CancelScheduled:
                await CancelAsync(entry, cancellationToken);
                return null;
            default:
                await types.Get(entry.MessageType).SendAsync(bus, entry, cancellationToken);
                return null;
        }
    }

    private async Task CancelAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var target = await store.GetScheduledEntryAsync(entry.MessageId ?? string.Empty, cancellationToken);
        if (target is null || target.Cancelled)
        {
            return;
        }

        if (target.DispatchedAt is null)
        {
            // Never sent: mark it so it never will be.
            await store.MarkDispatchedAsync(target.Id, time.GetUtcNow(), cancelled: true, cancellationToken: cancellationToken);
            return;
        }

        try
        {
            await bus.CancelScheduledAsync(new ScheduledMessage(target.Destination!, target.SequenceNumber!.Value, target.MessageId), cancellationToken);
        }
        catch (MessagingException error) when (error.Reason == MessagingErrorReason.MessageNotFound)
        {
            // It already activated: its handler sees the attempt moved on and ignores it.
        }
    }
}
