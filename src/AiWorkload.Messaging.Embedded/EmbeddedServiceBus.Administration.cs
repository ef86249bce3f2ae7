using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Storage;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded;

/// <summary>
/// What the administration API needs beyond create and delete: reading one definition, updating one entity with the
/// service's rules for what may change, sizes and times. Updates are durable before they return and the next send or
/// receive sees them, like every other change.
/// </summary>
public sealed partial class EmbeddedServiceBus
{
    private readonly Dictionary<string, EntityTimes> _times = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset? _openedAt;

    public TopicDefinition GetTopicDefinition(string name)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            return GetTopic(name).Definition;
        }
    }

    public SubscriptionDefinition GetSubscriptionDefinition(string topicName, string subscriptionName)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            return (SubscriptionDefinition)GetSubscription(topicName, subscriptionName).Definition!;
        }
    }

    public bool IsQueue(string name)
    {
        lock (_sync)
        {
            return _queues.ContainsKey(name);
        }
    }

    public bool IsTopic(string name)
    {
        lock (_sync)
        {
            return _topics.ContainsKey(name);
        }
    }

    /// <summary>Times are kept in memory: entities recovered from disk report the time the engine opened as created.</summary>
    public EntityTimes GetEntityTimes(string path)
    {
        lock (_sync)
        {
            return TimesOf(path);
        }
    }

    public TopicRuntimeProperties GetTopicRuntimeProperties(string name)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            var topic = GetTopic(name);
            return new TopicRuntimeProperties(topic.Path, topic.Target.Scheduled.Count, topic.Target.Scheduled.Values.Sum(m => (long)m.Body.Length), topic.Subscriptions.Count);
        }
    }

    /// <summary>The bodies an entity holds (its dead-letter sub-queues included), as the service's SizeInBytes approximates.</summary>
    public long GetSizeInBytes(string entityPath)
    {
        lock (_sync)
        {
            var entity = GetReceivable(entityPath);
            return new[] { entity, entity.DeadLetter, entity.TransferDeadLetter }
                .Where(e => e is not null)
                .Sum(e => e!.Messages.Values.Sum(m => (long)m.Body.Length)) +
                (entity.Target?.Scheduled.Values.Sum(m => (long)m.Body.Length) ?? 0);
        }
    }

    public Task UpdateQueueAsync(QueueDefinition definition, CancellationToken cancellationToken = default) =>
        Manage(definition.Name, transaction =>
        {
            var current = _queues.TryGetValue(definition.Name, out var queue) ? (QueueDefinition)queue.Definition! : throw NotFound(definition.Name);
            Immutable(definition.Name, nameof(QueueDefinition.RequiresSession), current.RequiresSession, definition.RequiresSession);
            Immutable(definition.Name, nameof(QueueDefinition.EnablePartitioning), current.EnablePartitioning, definition.EnablePartitioning);
            Immutable(definition.Name, nameof(QueueDefinition.RequiresDuplicateDetection), current.RequiresDuplicateDetection, definition.RequiresDuplicateDetection);
            TopologyModel.Empty.With(definition).Validate(knownEntities: AllEntityNames());
            UpsertQueue(definition, transaction);
            Touch(definition.Name, created: false);
        });

    public Task UpdateTopicAsync(TopicDefinition definition, CancellationToken cancellationToken = default) =>
        Manage(definition.Name, transaction =>
        {
            var current = GetTopic(definition.Name).Definition;
            Immutable(definition.Name, nameof(TopicDefinition.EnablePartitioning), current.EnablePartitioning, definition.EnablePartitioning);
            Immutable(definition.Name, nameof(TopicDefinition.RequiresDuplicateDetection), current.RequiresDuplicateDetection, definition.RequiresDuplicateDetection);
            TopologyModel.Empty.With(definition with { Subscriptions = [] }).Validate(knownEntities: AllEntityNames());

            // Subscriptions are managed on their own: an update of the topic leaves them as they are.
            UpsertTopic(definition with { Subscriptions = [] }, transaction);
            Touch(definition.Name, created: false);
        });

    /// <summary>Changes a subscription's settings; its rules stay as they are (they change through the rule calls).</summary>
    public Task UpdateSubscriptionAsync(string topicName, SubscriptionDefinition definition, CancellationToken cancellationToken = default) =>
        Manage(EntityPaths.Subscription(topicName, definition.Name), transaction =>
        {
            var subscription = GetSubscription(topicName, definition.Name);
            var current = (SubscriptionDefinition)subscription.Definition!;
            Immutable(subscription.Path, nameof(SubscriptionDefinition.RequiresSession), current.RequiresSession, definition.RequiresSession);
            var updated = definition with { Name = current.Name, Rules = current.Rules };
            TopologyModel.Empty.With(subscription.Topic!.Definition with { Subscriptions = [updated with { Rules = [] }] }).Validate(AllEntityNames());
            subscription.Definition = updated;
            transaction.Add(new SaveEntity(subscription.Id, subscription.Path, EntityKind.Subscription, subscription.Topic.Id, DefinitionSerializer.Serialize(updated), 0));
            CheckForwardTargets();
            Touch(subscription.Path, created: false);
        });

    /// <summary>Replaces a rule's filter and action under the same name; messages published from now on see it.</summary>
    public Task UpdateRuleAsync(string topicName, string subscriptionName, RuleDefinition rule, CancellationToken cancellationToken = default) =>
        ChangeRules(topicName, subscriptionName, rules =>
        {
            var index = rules.ToList().FindIndex(r => string.Equals(r.Name, rule.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new MessagingException(MessagingErrorReason.MessagingEntityNotFound, EntityPaths.Subscription(topicName, subscriptionName), $"Rule '{rule.Name}' does not exist.");
            }

            var updated = rules.ToList();
            updated[index] = rule with { Name = rules[index].Name };
            return updated;
        });

    /// <summary>Records that an entity was created or changed now (called by the administration calls).</summary>
    public void RecordChange(string path, bool created)
    {
        lock (_sync)
        {
            Touch(path, created);
        }
    }

    private void Touch(string path, bool created)
    {
        var now = _time.GetUtcNow();
        _times[path] = created ? new EntityTimes(now, now, now) : TimesOf(path) with { UpdatedAt = now, AccessedAt = now };
    }

    private EntityTimes TimesOf(string path)
    {
        if (_times.TryGetValue(path, out var times))
        {
            return times;
        }

        _openedAt ??= _time.GetUtcNow();
        return new EntityTimes(_openedAt.Value, _openedAt.Value, _openedAt.Value);
    }

    private static void Immutable<T>(string path, string property, T current, T requested)
    {
        if (!EqualityComparer<T>.Default.Equals(current, requested))
        {
            throw new MessagingException(MessagingErrorReason.InvalidOperation, path, $"{property} cannot be changed on an existing entity (it is {current}).");
        }
    }
}
