using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>Evaluates every subscription's rules; pure, so a batch can be checked before anything changes.</summary>
    private static IEnumerable<(MessageEntity Subscription, StoredMessage Copy, string? FilterError)> Route(TopicEntity topic, StoredMessage message)
    {
        foreach (var subscription in topic.Subscriptions)
        {
            foreach (var copy in subscription.Rules!.Copies(message))
            {
                yield return (subscription, copy, null);
            }
        }
    }

    private static SubscriptionRules CompileRules(string subscriptionPath, IReadOnlyList<RuleDefinition> rules) => new(rules);
}
