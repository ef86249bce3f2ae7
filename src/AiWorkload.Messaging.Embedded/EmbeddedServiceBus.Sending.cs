using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Embedded.Storage;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    public Task SendAsync(string entityPath, OutgoingMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(entityPath, [message], cancellationToken);

    /// <summary>
    /// Sends a batch atomically: every message is validated first, then all are accepted in one durable transaction.
    /// A duplicate (same MessageId within the window, on an entity with duplicate detection) reports success and is dropped.
    /// </summary>
    public Task SendAsync(string entityPath, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var prepared = MessagePreparation.Prepare(entityPath, messages, _options.MaxMessageSizeBytes);
        var transaction = new StoreTransaction();
        lock (_sync)
        {
            var destination = ResolveDestination(entityPath);
            var now = _time.GetUtcNow();
            CheckSessions(destination, prepared);
            CheckQuota(destination, prepared);
            foreach (var message in prepared)
            {
                Accept(destination, message, now, transaction);
            }

            return Commit(transaction);
        }
    }

    /// <summary>Schedules messages for <paramref name="enqueueTime"/>; the returned sequence numbers cancel them.</summary>
    public async Task<IReadOnlyList<long>> ScheduleAsync(string entityPath, IReadOnlyList<OutgoingMessage> messages, DateTimeOffset enqueueTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var prepared = MessagePreparation.Prepare(entityPath, messages, _options.MaxMessageSizeBytes);
        foreach (var message in prepared)
        {
            message.ScheduledEnqueueTime = enqueueTime;
        }

        var transaction = new StoreTransaction();
        var sequenceNumbers = new List<long>(prepared.Count);
        Task committed;
        lock (_sync)
        {
            var destination = ResolveDestination(entityPath);
            var now = _time.GetUtcNow();
            CheckSessions(destination, prepared);
            CheckQuota(destination, prepared);
            foreach (var message in prepared)
            {
                sequenceNumbers.Add(Accept(destination, message, now, transaction, forceSchedule: true));
            }

            committed = Commit(transaction);
        }

        await committed;
        return sequenceNumbers;
    }

    public async Task<long> ScheduleAsync(string entityPath, OutgoingMessage message, DateTimeOffset enqueueTime, CancellationToken cancellationToken = default) =>
        (await ScheduleAsync(entityPath, [message], enqueueTime, cancellationToken))[0];

    public Task CancelScheduledAsync(string entityPath, long sequenceNumber, CancellationToken cancellationToken = default)
    {
        var transaction = new StoreTransaction();
        lock (_sync)
        {
            var destination = ResolveDestination(entityPath);
            var target = destination.Target;
            if (!target.RemoveScheduled(sequenceNumber))
            {
                throw new MessagingException(MessagingErrorReason.MessageNotFound, entityPath, $"No scheduled message has sequence number {sequenceNumber}.");
            }

            transaction.Add(new DeleteMessage(destination.Id, sequenceNumber));
            return Commit(transaction);
        }
    }

    private long Accept(Destination destination, StoredMessage message, DateTimeOffset now, StoreTransaction transaction, bool forceSchedule = false)
    {
        var target = destination.Target;
        if (target.Duplicates is { } duplicates && duplicates.TryGetDuplicate(message.MessageId, now, out var original))
        {
            return original;
        }

        long sequence;
        if (forceSchedule || message.ScheduledEnqueueTime > now)
        {
            sequence = target.Counter.Take();
            message.SequenceNumber = sequence;
            message.EnqueuedTime = now;
            target.AddScheduled(message);
            transaction.Add(new InsertMessage(destination.Id, sequence, MessageState.Scheduled, 0, MessageCodec.Encode(message)));
            transaction.Add(new SaveSequence(target.Counter.OwnerId, target.Counter.Next));
            WakeReceiversOf(destination);
        }
        else
        {
            sequence = Deliver(destination, message, now, transaction);
        }

        if (target.Duplicates is { } detector)
        {
            var expiresAt = detector.Record(message.MessageId, now, sequence);
            transaction.Add(new SaveDuplicate(destination.Id, message.MessageId, expiresAt.UtcTicks, sequence));
        }

        return sequence;
    }

    /// <summary>Puts a message into a queue or publishes it to a topic, following auto-forwarding. Returns its sequence number.</summary>
    private long Deliver(Destination destination, StoredMessage message, DateTimeOffset now, StoreTransaction transaction) =>
        destination.Queue is { } queue
            ? EnqueueOrForward(queue, message, now, transaction)
            : Publish(destination.Topic!, message, now, transaction);

    private long EnqueueOrForward(MessageEntity entity, StoredMessage message, DateTimeOffset now, StoreTransaction transaction)
    {
        if (entity.ForwardTo is { } forwardTo)
        {
            return Forward(entity, message, forwardTo, now, transaction);
        }

        return Enqueue(entity, message, now, transaction);
    }

    private static long Enqueue(MessageEntity entity, StoredMessage message, DateTimeOffset now, StoreTransaction transaction)
    {
        var sequence = entity.Counter.Take();
        message.SequenceNumber = sequence;
        message.State = MessageState.Active;
        message.LockToken = null;
        message.SetTimeToLive(entity.ExpiresMessages ? entity.DefaultTimeToLive : TimeSpan.MaxValue, now);
        entity.Add(message);
        entity.MakeAvailable(message);
        transaction.Add(new InsertMessage(entity.Id, sequence, MessageState.Active, message.DeliveryCount, MessageCodec.Encode(message)));
        transaction.Add(new SaveSequence(entity.Counter.OwnerId, entity.Counter.Next));
        return sequence;
    }

    private long Publish(TopicEntity topic, StoredMessage message, DateTimeOffset now, StoreTransaction transaction)
    {
        var topicTtl = topic.Definition.DefaultMessageTimeToLive;
        if (topicTtl < (message.RequestedTimeToLive ?? TimeSpan.MaxValue))
        {
            message.RequestedTimeToLive = topicTtl;
        }

        message.EnqueuedTime = now; // filters may read sys.EnqueuedTimeUtc
        var first = 0L;
        foreach (var (subscription, copy, filterError) in Route(topic, message).ToList())
        {
            long sequence;
            if (filterError is not null)
            {
                if (!((Topology.SubscriptionDefinition)subscription.Definition!).DeadLetteringOnFilterEvaluationExceptions)
                {
                    continue;
                }

                copy.ApplicationProperties[DeadLetterProperties.Reason] = DeadLetterProperties.FilterEvaluationException;
                copy.ApplicationProperties[DeadLetterProperties.ErrorDescription] = filterError;
                sequence = Enqueue(subscription.DeadLetter!, copy, now, transaction);
            }
            else
            {
                sequence = EnqueueOrForward(subscription, copy, now, transaction);
            }

            first = first == 0 ? sequence : first;
        }

        if (first == 0)
        {
            // No subscription took a copy; the topic still consumed a sequence number, as accepted messages do.
            first = topic.Target.Counter.Take();
            transaction.Add(new SaveSequence(topic.Target.Counter.OwnerId, topic.Target.Counter.Next));
        }

        return first;
    }

    private long Forward(MessageEntity source, StoredMessage message, string targetName, DateTimeOffset now, StoreTransaction transaction)
    {
        message.HopCount++;
        Destination? target = _queues.TryGetValue(targetName, out var queue) ? new Destination(queue, null)
            : _topics.TryGetValue(targetName, out var topic) ? new Destination(null, topic) : null;
        if (message.HopCount > Topology.EntityDefaults.MaxTransferHops || target is null)
        {
            var reason = target is null ? "MessagingEntityNotFound" : DeadLetterProperties.MaxTransferHopCountExceeded;
            message.ApplicationProperties[DeadLetterProperties.Reason] = reason;
            message.ApplicationProperties[DeadLetterProperties.ErrorDescription] = target is null
                ? $"The auto-forwarding target '{targetName}' does not exist."
                : $"The message exceeded the maximum of {Topology.EntityDefaults.MaxTransferHops} auto-forwarding hops at '{source.Path}'.";
            return Enqueue(source.TransferDeadLetter!, message, now, transaction);
        }

        if (target.Queue is { RequiresSession: true } && message.SessionId is null)
        {
            message.ApplicationProperties[DeadLetterProperties.Reason] = "SessionIdRequired";
            message.ApplicationProperties[DeadLetterProperties.ErrorDescription] = $"The forwarding target '{targetName}' requires sessions and the message has no SessionId.";
            return Enqueue(source.TransferDeadLetter!, message, now, transaction);
        }

        return Deliver(target, message, now, transaction);
    }

    /// <summary>
    /// Moves a message to the dead-letter queue of <paramref name="source"/>, or forwards it when the entity has
    /// ForwardDeadLetteredMessagesTo, recording where it was dead-lettered.
    /// </summary>
    private void DeadLetter(MessageEntity source, StoredMessage message, string? reason, string? description, DateTimeOffset now, StoreTransaction transaction)
    {
        source.Remove(message);
        transaction.Add(new DeleteMessage(source.Id, message.SequenceNumber));
        if (reason is not null)
        {
            message.ApplicationProperties[DeadLetterProperties.Reason] = reason;
        }

        if (description is not null)
        {
            message.ApplicationProperties[DeadLetterProperties.ErrorDescription] = description;
        }

        if (source.ForwardDeadLetteredMessagesTo is { } forwardTo)
        {
            message.DeadLetterSource = source.Path;
            Forward(source, message, forwardTo, now, transaction);
            return;
        }

        message.State = MessageState.Active;
        Enqueue(source.DeadLetter ?? source, message, now, transaction);
    }

    private void DeadLetterMaxDelivery(MessageEntity entity, StoredMessage message, StoreTransaction transaction) =>
        DeadLetter(entity, message, DeadLetterProperties.MaxDeliveryCountExceeded, $"Message could not be consumed after {message.DeliveryCount} delivery attempts.", _time.GetUtcNow(), transaction);

    private Destination ResolveDestination(string entityPath)
    {
        ThrowIfDisposed();
        if (_queues.TryGetValue(entityPath, out var queue))
        {
            return new Destination(queue, null);
        }

        return _topics.TryGetValue(entityPath, out var topic)
            ? new Destination(null, topic)
            : throw new MessagingException(MessagingErrorReason.MessagingEntityNotFound, entityPath, $"The messaging entity '{entityPath}' could not be found: sends go to a queue or a topic.");
    }

    private static void CheckSessions(Destination destination, List<StoredMessage> messages)
    {
        foreach (var message in messages.Where(m => m.SessionId is null))
        {
            if (destination.Queue is { RequiresSession: true } queue)
            {
                throw new MessagingException(MessagingErrorReason.InvalidMessage, queue.Path, $"Message '{message.MessageId}' has no SessionId; a session-enabled entity only accepts messages with a SessionId.");
            }

            // Routing is evaluated again when the message is published, so only pay for it here when it can matter.
            if (destination.Topic is { } topic && topic.Subscriptions.Exists(s => s.RequiresSession))
            {
                var sessionful = Route(topic, message).FirstOrDefault(r => r.Subscription.RequiresSession && r.FilterError is null && r.Subscription.ForwardTo is null);
                if (sessionful.Subscription is not null)
                {
                    throw new MessagingException(MessagingErrorReason.InvalidMessage, sessionful.Subscription.Path, $"Message '{message.MessageId}' has no SessionId; it matches session-enabled subscription '{sessionful.Subscription.Path}'.");
                }
            }
        }
    }

    private static void CheckQuota(Destination destination, IReadOnlyList<StoredMessage> prepared)
    {
        var incoming = prepared.Sum(m => m.Size);
        var scheduled = destination.Target.ScheduledBytes;
        if (destination.Queue is { Definition: QueueDefinition definition } queue)
        {
            EntityQuota.Check(queue.Path, definition.MaxSizeInMegabytes, EntityQuota.StoredBytes(queue) + scheduled, incoming);
        }
        else if (destination.Topic is { } topic)
        {
            EntityQuota.Check(topic.Path, topic.Definition.MaxSizeInMegabytes, topic.Subscriptions.Sum(EntityQuota.StoredBytes) + scheduled, incoming);
        }
    }

    private static void WakeReceiversOf(Destination destination)
    {
        if (destination.Queue is { } queue)
        {
            queue.Signal.Set();
        }
        else
        {
            destination.Topic!.Subscriptions.ForEach(s => s.Signal.Set());
        }
    }

    /// <summary>Where a send goes: a queue or a topic.</summary>
    private sealed record Destination(MessageEntity? Queue, TopicEntity? Topic)
    {
        public SendTarget Target => Queue?.Target ?? Topic!.Target;

        public long Id => Queue?.Id ?? Topic!.Id;
    }
}
