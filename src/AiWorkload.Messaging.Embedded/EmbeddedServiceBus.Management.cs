using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Storage;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>Creates what is missing and updates what changed; entities not in <paramref name="topology"/> are left alone.</summary>
    public Task ApplyTopologyAsync(TopologyModel topology, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        topology.Validate();
        var transaction = new StoreTransaction();
        lock (_sync)
        {
            ThrowIfDisposed();
            foreach (var queue in topology.Queues)
            {
                UpsertQueue(queue, transaction);
            }

            foreach (var topic in topology.Topics)
            {
                var entity = UpsertTopic(topic, transaction);
                foreach (var subscription in topic.Subscriptions)
                {
                    UpsertSubscription(entity, subscription, transaction);
                }
            }

            CheckForwardTargets();
            return Commit(transaction);
        }
    }

    public Task CreateQueueAsync(QueueDefinition definition, CancellationToken cancellationToken = default) =>
        Manage(definition.Name, transaction =>
        {
            CheckNewEntity(definition.Name);
            TopologyModel.Empty.With(definition).Validate(knownEntities: AllEntityNames());
            UpsertQueue(definition, transaction);
        });

    public Task CreateTopicAsync(TopicDefinition definition, CancellationToken cancellationToken = default) =>
        Manage(definition.Name, transaction =>
        {
            CheckNewEntity(definition.Name);
            TopologyModel.Empty.With(definition).Validate(knownEntities: AllEntityNames());
            var topic = UpsertTopic(definition, transaction);
            foreach (var subscription in definition.Subscriptions)
            {
                UpsertSubscription(topic, subscription, transaction);
            }
        });

    public Task CreateSubscriptionAsync(string topicName, SubscriptionDefinition definition, CancellationToken cancellationToken = default) =>
        Manage(topicName, transaction =>
        {
            var topic = GetTopic(topicName);
            if (topic.Subscriptions.Any(s => string.Equals(s.Definition!.Name, definition.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MessagingException(MessagingErrorReason.MessagingEntityAlreadyExists, EntityPaths.Subscription(topicName, definition.Name), "The subscription already exists.");
            }

            TopologyModel.Empty.With(topic.Definition with { Subscriptions = [definition] }).Validate(knownEntities: AllEntityNames());
            UpsertSubscription(topic, definition, transaction);
        });

    public Task DeleteQueueAsync(string name, CancellationToken cancellationToken = default) =>
        Manage(name, transaction =>
        {
            var queue = _queues.TryGetValue(name, out var q) ? q : throw NotFound(name);
            RemoveReceivable(queue, transaction);
            _queues.Remove(name);
        });

    public Task DeleteTopicAsync(string name, CancellationToken cancellationToken = default) =>
        Manage(name, transaction =>
        {
            var topic = GetTopic(name);
            foreach (var subscription in topic.Subscriptions)
            {
                RemoveReceivable(subscription, transaction);
            }

            _topics.Remove(name);
            transaction.Add(new DeleteEntity(topic.Id));
        });

    public Task DeleteSubscriptionAsync(string topicName, string subscriptionName, CancellationToken cancellationToken = default) =>
        Manage(topicName, transaction =>
        {
            var subscription = GetSubscription(topicName, subscriptionName);
            subscription.Topic!.Subscriptions.Remove(subscription);
            RemoveReceivable(subscription, transaction);
        });

    public IReadOnlyList<string> GetQueueNames()
    {
        lock (_sync)
        {
            return [.. _queues.Keys];
        }
    }

    public IReadOnlyList<string> GetTopicNames()
    {
        lock (_sync)
        {
            return [.. _topics.Keys];
        }
    }

    public QueueDefinition GetQueue(string name)
    {
        lock (_sync)
        {
            return _queues.TryGetValue(name, out var queue) ? (QueueDefinition)queue.Definition! : throw NotFound(name);
        }
    }

    public IReadOnlyList<SubscriptionDefinition> GetSubscriptions(string topicName)
    {
        lock (_sync)
        {
            return [.. GetTopic(topicName).Subscriptions.Select(s => (SubscriptionDefinition)s.Definition!)];
        }
    }

    private Task Manage(string path, Action<StoreTransaction> change)
    {
        var transaction = new StoreTransaction();
        lock (_sync)
        {
            ThrowIfDisposed();
            try
            {
                change(transaction);
            }
            catch (TopologyException error)
            {
                throw new MessagingException(MessagingErrorReason.InvalidOperation, path, error.Message, error);
            }

            return Commit(transaction);
        }
    }

    private void UpsertQueue(QueueDefinition definition, StoreTransaction transaction)
    {
        if (_topics.ContainsKey(definition.Name))
        {
            throw new MessagingException(MessagingErrorReason.MessagingEntityAlreadyExists, definition.Name, "A topic with this name already exists.");
        }

        if (_queues.TryGetValue(definition.Name, out var existing))
        {
            if (DefinitionSerializer.Serialize(existing.Definition as QueueDefinition) == DefinitionSerializer.Serialize(definition))
            {
                return;
            }

            existing.Definition = definition;
            existing.Target!.Duplicates = UpdateDuplicateDetector(existing.Target.Duplicates, definition.RequiresDuplicateDetection, definition.DuplicateDetectionHistoryTimeWindow);
            transaction.Add(new SaveEntity(existing.Id, existing.Path, EntityKind.Queue, null, DefinitionSerializer.Serialize(definition), existing.Counter.Next));
            return;
        }

        var queue = RegisterQueue(_nextEntityId++, definition, 1);
        transaction.Add(new SaveEntity(queue.Id, queue.Path, EntityKind.Queue, null, DefinitionSerializer.Serialize(definition), 1));
        AddDeadLetterQueues(queue, transaction);
    }

    private TopicEntity UpsertTopic(TopicDefinition definition, StoreTransaction transaction)
    {
        if (_queues.ContainsKey(definition.Name))
        {
            throw new MessagingException(MessagingErrorReason.MessagingEntityAlreadyExists, definition.Name, "A queue with this name already exists.");
        }

        var stored = definition with { Subscriptions = [] };
        if (_topics.TryGetValue(definition.Name, out var existing))
        {
            if (DefinitionSerializer.Serialize(existing.Definition) != DefinitionSerializer.Serialize(stored))
            {
                existing.Definition = stored;
                existing.Target.Duplicates = UpdateDuplicateDetector(existing.Target.Duplicates, definition.RequiresDuplicateDetection, definition.DuplicateDetectionHistoryTimeWindow);
                transaction.Add(new SaveEntity(existing.Id, existing.Path, EntityKind.Topic, null, DefinitionSerializer.Serialize(stored), existing.Target.Counter.Next));
            }

            return existing;
        }

        var topic = RegisterTopic(_nextEntityId++, stored, 1);
        transaction.Add(new SaveEntity(topic.Id, topic.Path, EntityKind.Topic, null, DefinitionSerializer.Serialize(stored), 1));
        return topic;
    }

    private void UpsertSubscription(TopicEntity topic, SubscriptionDefinition declared, StoreTransaction transaction)
    {
        // From here on the rules are literal: a subscription whose rules are all removed matches nothing, as on the service.
        var definition = declared with { Rules = declared.EffectiveRules };
        var existing = topic.Subscriptions.FirstOrDefault(s => string.Equals(s.Definition!.Name, definition.Name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            if (DefinitionSerializer.Serialize(existing.Definition as SubscriptionDefinition) != DefinitionSerializer.Serialize(definition))
            {
                existing.Definition = definition;
                existing.Rules = CompileRules(existing.Path, definition.Rules);
                transaction.Add(new SaveEntity(existing.Id, existing.Path, EntityKind.Subscription, topic.Id, DefinitionSerializer.Serialize(definition), 0));
            }

            return;
        }

        var subscription = RegisterSubscription(_nextEntityId++, topic, definition);
        transaction.Add(new SaveEntity(subscription.Id, subscription.Path, EntityKind.Subscription, topic.Id, DefinitionSerializer.Serialize(definition), 0));
        AddDeadLetterQueues(subscription, transaction);
    }

    private void AddDeadLetterQueues(MessageEntity parent, StoreTransaction transaction)
    {
        foreach (var kind in new[] { EntityKind.DeadLetterQueue, EntityKind.TransferDeadLetterQueue })
        {
            var deadLetter = RegisterDeadLetter(_nextEntityId++, parent, kind, 1);
            transaction.Add(new SaveEntity(deadLetter.Id, deadLetter.Path, kind, parent.Id, null, 1));
        }
    }

    private void RemoveReceivable(MessageEntity entity, StoreTransaction transaction)
    {
        foreach (var part in new[] { entity, entity.DeadLetter, entity.TransferDeadLetter })
        {
            if (part is null)
            {
                continue;
            }

            _receivables.Remove(part.Path);
            part.Signal.Set();
            transaction.Add(new DeleteEntity(part.Id));
        }
    }

    private static DuplicateDetector? UpdateDuplicateDetector(DuplicateDetector? current, bool enabled, TimeSpan window)
    {
        if (!enabled)
        {
            return null;
        }

        current ??= new DuplicateDetector(window);
        current.Window = window;
        return current;
    }

    private void CheckNewEntity(string name)
    {
        if (_queues.ContainsKey(name) || _topics.ContainsKey(name))
        {
            throw new MessagingException(MessagingErrorReason.MessagingEntityAlreadyExists, name, "An entity with this name already exists.");
        }
    }

    private void CheckForwardTargets()
    {
        foreach (var entity in _receivables.Values.Where(e => e.Definition is not null))
        {
            foreach (var target in new[] { entity.Definition!.ForwardTo, entity.Definition.ForwardDeadLetteredMessagesTo })
            {
                if (!string.IsNullOrEmpty(target) && !_queues.ContainsKey(target) && !_topics.ContainsKey(target))
                {
                    throw new MessagingException(MessagingErrorReason.MessagingEntityNotFound, entity.Path, $"The auto-forwarding target '{target}' does not exist.");
                }
            }
        }
    }

    private HashSet<string> AllEntityNames() => new(_queues.Keys.Concat(_topics.Keys), StringComparer.OrdinalIgnoreCase);

    private TopicEntity GetTopic(string name) => _topics.TryGetValue(name, out var topic) ? topic : throw NotFound(name);

    private MessageEntity GetSubscription(string topicName, string subscriptionName) =>
        _receivables.TryGetValue(EntityPaths.Subscription(topicName, subscriptionName), out var subscription) && subscription.Kind == EntityKind.Subscription
            ? subscription
            : throw NotFound(EntityPaths.Subscription(topicName, subscriptionName));

    private static MessagingException NotFound(string path) =>
        new(MessagingErrorReason.MessagingEntityNotFound, path, $"The messaging entity '{path}' could not be found.");
}
