namespace AiWorkload.Messaging.Administration.Routing;

/// <summary>What an administration URL addresses, following the SDK's paths ($namespaceinfo, $Resources/queues, {topic}/Subscriptions/{name}/Rules/{rule}).</summary>
internal enum ResourceKind
{
    Namespace,
    QueueFeed,
    TopicFeed,
    Entity,
    SubscriptionFeed,
    Subscription,
    RuleFeed,
    Rule,
}
