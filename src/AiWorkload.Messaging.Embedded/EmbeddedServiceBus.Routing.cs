using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Storage;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>Adds a rule to a subscription at runtime; it applies to messages published from now on.</summary>
    public Task AddRuleAsync(string topicName, string subscriptionName, RuleDefinition rule, CancellationToken cancellationToken = default) =>
        ChangeRules(topicName, subscriptionName, rules =>
        {
            if (rules.Any(r => string.Equals(r.Name, rule.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MessagingException(MessagingErrorReason.MessagingEntityAlreadyExists, EntityPaths.Subscription(topicName, subscriptionName), $"Rule '{rule.Name}' already exists.");
            }

            return [.. rules, rule];
        });

    /// <summary>Removes a rule; a subscription left without rules receives nothing, as on the service.</summary>
    public Task RemoveRuleAsync(string topicName, string subscriptionName, string ruleName, CancellationToken cancellationToken = default) =>
        ChangeRules(topicName, subscriptionName, rules =>
        {
            var remaining = rules.Where(r => !string.Equals(r.Name, ruleName, StringComparison.OrdinalIgnoreCase)).ToList();
            return remaining.Count < rules.Count
                ? remaining
                : throw new MessagingException(MessagingErrorReason.MessagingEntityNotFound, EntityPaths.Subscription(topicName, subscriptionName), $"Rule '{ruleName}' does not exist.");
        });

    public IReadOnlyList<RuleDefinition> GetRules(string topicName, string subscriptionName)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            return GetSubscription(topicName, subscriptionName).Rules!.Definitions;
        }
    }

    private Task ChangeRules(string topicName, string subscriptionName, Func<IReadOnlyList<RuleDefinition>, IReadOnlyList<RuleDefinition>> change) =>
        Manage(EntityPaths.Subscription(topicName, subscriptionName), transaction =>
        {
            var subscription = GetSubscription(topicName, subscriptionName);
            var definition = (SubscriptionDefinition)subscription.Definition!;
            var updated = definition with { Rules = change(definition.Rules) };
            if (updated.Rules.Count > 0)
            {
                // Validates names and compiles the SQL before anything changes.
                TopologyModel.Empty.With(subscription.Topic!.Definition with { Subscriptions = [updated] }).Validate(AllEntityNames());
            }

            subscription.Rules = CompileRules(subscription.Path, updated.Rules);
            subscription.Definition = updated;
            transaction.Add(new SaveEntity(subscription.Id, subscription.Path, EntityKind.Subscription, subscription.Topic!.Id, DefinitionSerializer.Serialize(updated), 0));
        });

    /// <summary>Evaluates every subscription's rules; pure, so a batch can be checked before anything changes.</summary>
    private static IEnumerable<(MessageEntity Subscription, StoredMessage Copy, string? FilterError)> Route(TopicEntity topic, StoredMessage message)
    {
        foreach (var subscription in topic.Subscriptions)
        {
            foreach (var (copy, error) in subscription.Rules!.Copies(message))
            {
                yield return (subscription, copy, error);
            }
        }
    }

    private static SubscriptionRules CompileRules(string subscriptionPath, IReadOnlyList<RuleDefinition> rules) => new(subscriptionPath, rules);
}
