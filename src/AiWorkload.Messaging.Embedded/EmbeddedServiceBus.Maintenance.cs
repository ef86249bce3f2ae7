using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Storage;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>
    /// Time-driven changes for one entity: expired locks count as abandons, expired session locks free their session,
    /// and due scheduled messages are activated. Run before every receive and by the maintenance timer.
    /// </summary>
    private void Maintain(MessageEntity entity, DateTimeOffset now, StoreTransaction transaction)
    {
        while (entity.LockExpiries.TryPeek(out var token, out var due) && due <= now)
        {
            entity.LockExpiries.Dequeue();
            if (entity.Locks.TryGetValue(token, out var message))
            {
                if (message.LockedUntil <= now)
                {
                    ReleaseLock(entity, message, now, transaction);
                }
                else
                {
                    entity.LockExpiries.Enqueue(token, message.LockedUntil);
                }
            }
        }

        foreach (var session in entity.Sessions.Values.Where(s => s.LockToken is not null && s.LockedUntil <= now).ToList())
        {
            ReleaseSession(entity, session, now, transaction);
        }

        if (entity.Target is not null)
        {
            ActivateScheduled(new Destination(entity, null), now, transaction);
        }
        else if (entity.Topic is not null)
        {
            ActivateScheduled(new Destination(null, entity.Topic), now, transaction);
        }
    }

    /// <summary>A scheduled message becomes active with a new sequence number, as on the service.</summary>
    private void ActivateScheduled(Destination destination, DateTimeOffset now, StoreTransaction transaction)
    {
        foreach (var message in destination.Target.TakeDue(now))
        {
            transaction.Add(new DeleteMessage(destination.Id, message.SequenceNumber));
            message.State = Messages.MessageState.Active;
            Deliver(destination, message, now, transaction);
        }
    }

    private void RunMaintenance()
    {
        var transaction = new StoreTransaction();
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            foreach (var entity in _receivables.Values.ToList())
            {
                Maintain(entity, now, transaction);
            }

            foreach (var topic in _topics.Values)
            {
                ActivateScheduled(new Destination(null, topic), now, transaction);
            }

            var purged = _queues.Values.Select(q => q.Target!.Duplicates).Concat(_topics.Values.Select(t => t.Target.Duplicates))
                .Sum(d => d?.Purge(now) ?? 0);
            if (purged > 0)
            {
                transaction.Add(new PurgeDuplicates(now.UtcTicks));
            }

            _store.Submit(transaction);
        }
    }
}
