using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Embedded.Storage;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>
    /// Rebuilds memory from disk. Locks do not survive a crash: every message comes back available with the delivery
    /// count its last delivery gave it, and one that reached MaxDeliveryCount is dead-lettered, so a message that
    /// crashes its consumer every time cannot loop forever.
    /// </summary>
    private void Recover(PersistedState state)
    {
        var transaction = new StoreTransaction();
        lock (_sync)
        {
            var byId = new Dictionary<long, MessageEntity>();
            var topics = new Dictionary<long, TopicEntity>();
            foreach (var row in state.Entities)
            {
                _nextEntityId = Math.Max(_nextEntityId, row.Id + 1);
                switch (row.Kind)
                {
                    case EntityKind.Queue:
                        byId[row.Id] = RegisterQueue(row.Id, DefinitionSerializer.Deserialize<QueueDefinition>(row.Definition!), row.NextSequence);
                        break;
                    case EntityKind.Topic:
                        topics[row.Id] = RegisterTopic(row.Id, DefinitionSerializer.Deserialize<TopicDefinition>(row.Definition!), row.NextSequence);
                        break;
                    case EntityKind.Subscription:
                        byId[row.Id] = RegisterSubscription(row.Id, topics[row.ParentId!.Value], DefinitionSerializer.Deserialize<SubscriptionDefinition>(row.Definition!));
                        break;
                    default:
                        byId[row.Id] = RegisterDeadLetter(row.Id, byId[row.ParentId!.Value], row.Kind, row.NextSequence);
                        break;
                }
            }

            foreach (var row in state.Messages)
            {
                var message = MessageCodec.Decode(row.Payload);
                message.SequenceNumber = row.Sequence;
                message.State = row.State;
                message.DeliveryCount = row.DeliveryCount;
                if (topics.TryGetValue(row.EntityId, out var topic))
                {
                    topic.Target.AddScheduled(message);
                    continue;
                }

                var entity = byId[row.EntityId];
                if (row.State == MessageState.Scheduled)
                {
                    entity.Target!.AddScheduled(message);
                    continue;
                }

                entity.Add(message);
                if (row.State == MessageState.Active && entity.MaxDeliveryCount is { } max && message.DeliveryCount >= max)
                {
                    DeadLetterMaxDelivery(entity, message, transaction);
                }
                else
                {
                    entity.MakeAvailable(message);
                }
            }

            foreach (var row in state.Duplicates)
            {
                var target = byId.TryGetValue(row.EntityId, out var queue) ? queue.Target : topics.GetValueOrDefault(row.EntityId)?.Target;
                target?.Duplicates?.Restore(row.MessageId, new DateTimeOffset(row.ExpiresAtTicks, TimeSpan.Zero), row.Sequence);
            }

            foreach (var row in state.Sessions)
            {
                if (byId.TryGetValue(row.EntityId, out var entity))
                {
                    entity.GetOrAddSession(row.SessionId).State = row.State;
                }
            }

            _store.Submit(transaction);
        }
    }

    private MessageEntity RegisterQueue(long id, QueueDefinition definition, long nextSequence)
    {
        var counter = new SequenceCounter(id, nextSequence);
        var queue = new MessageEntity(id, definition.Name, EntityKind.Queue, counter)
        {
            Definition = definition,
            Target = new SendTarget(counter, NewDuplicateDetector(definition.RequiresDuplicateDetection, definition.DuplicateDetectionHistoryTimeWindow)),
        };
        _queues[definition.Name] = queue;
        _receivables[queue.Path] = queue;
        return queue;
    }

    private TopicEntity RegisterTopic(long id, TopicDefinition definition, long nextSequence)
    {
        var target = new SendTarget(
            new SequenceCounter(id, nextSequence),
            NewDuplicateDetector(definition.RequiresDuplicateDetection, definition.DuplicateDetectionHistoryTimeWindow));
        var topic = new TopicEntity(id, definition with { Subscriptions = [] }, target);
        _topics[definition.Name] = topic;
        return topic;
    }

    private MessageEntity RegisterSubscription(long id, TopicEntity topic, SubscriptionDefinition definition)
    {
        var subscription = new MessageEntity(id, EntityPaths.Subscription(topic.Path, definition.Name), EntityKind.Subscription, topic.Target.Counter)
        {
            Definition = definition,
            Topic = topic,
        };
        subscription.Rules = CompileRules(subscription.Path, definition.Rules);
        topic.Subscriptions.Add(subscription);
        _receivables[subscription.Path] = subscription;
        return subscription;
    }

    private MessageEntity RegisterDeadLetter(long id, MessageEntity parent, EntityKind kind, long nextSequence)
    {
        var path = kind == EntityKind.DeadLetterQueue ? EntityPaths.DeadLetter(parent.Path) : EntityPaths.TransferDeadLetter(parent.Path);
        var deadLetter = new MessageEntity(id, path, kind, new SequenceCounter(id, nextSequence)) { Parent = parent };
        if (kind == EntityKind.DeadLetterQueue)
        {
            parent.DeadLetter = deadLetter;
        }
        else
        {
            parent.TransferDeadLetter = deadLetter;
        }

        _receivables[path] = deadLetter;
        return deadLetter;
    }

    private static DuplicateDetector? NewDuplicateDetector(bool enabled, TimeSpan window) => enabled ? new DuplicateDetector(window) : null;
}
