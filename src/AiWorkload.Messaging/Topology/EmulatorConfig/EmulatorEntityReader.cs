namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// Maps queues, topics and subscriptions. A property the file leaves out takes the EMULATOR's schema default
/// (MaxDeliveryCount 3, DefaultMessageTimeToLive PT1H, LockDuration PT1M, DuplicateDetectionHistoryTimeWindow PT20S,
/// booleans false), not the service's, because the file means what the emulator would make of it. Settings the file
/// cannot hold (partitioning, sizes, DeadLetteringOnFilterEvaluationExceptions) keep the model's service defaults.
/// The emulator's own limits (MaxDeliveryCount up to 10, TTL up to 1 hour, 50 entities) are deliberately not enforced.
/// </summary>
internal sealed class EmulatorEntityReader(EntityPathMap paths)
{
    private static readonly string[] EntityKeys = ["Name", "Properties"];
    private static readonly string[] TopicKeys = ["Name", "Properties", "Subscriptions"];
    private static readonly string[] SubscriptionKeys = ["Name", "Properties", "Rules"];

    private static readonly string[] QueueProperties =
    [
        "DeadLetteringOnMessageExpiration", "DefaultMessageTimeToLive", "DuplicateDetectionHistoryTimeWindow",
        "ForwardDeadLetteredMessagesTo", "ForwardTo", "LockDuration", "MaxDeliveryCount", "RequiresDuplicateDetection",
        "RequiresSession",
    ];

    private static readonly string[] TopicProperties =
        ["DefaultMessageTimeToLive", "DuplicateDetectionHistoryTimeWindow", "RequiresDuplicateDetection"];

    private static readonly string[] SubscriptionProperties =
    [
        "DeadLetteringOnMessageExpiration", "DefaultMessageTimeToLive", "LockDuration", "MaxDeliveryCount",
        "ForwardDeadLetteredMessagesTo", "ForwardTo", "RequiresSession",
    ];

    private readonly EmulatorRuleReader rules = new(paths);

    public IReadOnlyList<QueueDefinition> ReadQueues(ConfigObject ns) =>
        ns.GetArray("Queues", EntityKeys, required: true).Select(ReadQueue).ToList();

    public IReadOnlyList<TopicDefinition> ReadTopics(ConfigObject ns) =>
        ns.GetArray("Topics", TopicKeys, required: true).Select(ReadTopic).ToList();

    private QueueDefinition ReadQueue(ConfigObject queue)
    {
        var name = queue.GetString("Name", required: true)!;
        paths.Add(EntityPathMap.Queue(name), queue.Path);
        var p = queue.GetObject("Properties", QueueProperties);
        return new QueueDefinition(name)
        {
            DeadLetteringOnMessageExpiration = p.GetBoolean("DeadLetteringOnMessageExpiration") ?? false,
            DefaultMessageTimeToLive = p.GetDuration("DefaultMessageTimeToLive") ?? EmulatorConfigDefaults.DefaultMessageTimeToLive,
            DuplicateDetectionHistoryTimeWindow = p.GetDuration("DuplicateDetectionHistoryTimeWindow") ?? EmulatorConfigDefaults.DuplicateDetectionHistoryTimeWindow,
            ForwardDeadLetteredMessagesTo = Forward(p, "ForwardDeadLetteredMessagesTo"),
            ForwardTo = Forward(p, "ForwardTo"),
            LockDuration = p.GetDuration("LockDuration") ?? EmulatorConfigDefaults.LockDuration,
            MaxDeliveryCount = p.GetInt32("MaxDeliveryCount") ?? EmulatorConfigDefaults.MaxDeliveryCount,
            RequiresDuplicateDetection = p.GetBoolean("RequiresDuplicateDetection") ?? false,
            RequiresSession = p.GetBoolean("RequiresSession") ?? false,
        };
    }

    private TopicDefinition ReadTopic(ConfigObject topic)
    {
        var name = topic.GetString("Name", required: true)!;
        paths.Add(EntityPathMap.Topic(name), topic.Path);
        var p = topic.GetObject("Properties", TopicProperties);
        return new TopicDefinition(name)
        {
            DefaultMessageTimeToLive = p.GetDuration("DefaultMessageTimeToLive") ?? EmulatorConfigDefaults.DefaultMessageTimeToLive,
            DuplicateDetectionHistoryTimeWindow = p.GetDuration("DuplicateDetectionHistoryTimeWindow") ?? EmulatorConfigDefaults.DuplicateDetectionHistoryTimeWindow,
            RequiresDuplicateDetection = p.GetBoolean("RequiresDuplicateDetection") ?? false,
            Subscriptions = topic.GetArray("Subscriptions", SubscriptionKeys, required: true)
                .Select(s => ReadSubscription(name, s))
                .ToList(),
        };
    }

    private SubscriptionDefinition ReadSubscription(string topic, ConfigObject subscription)
    {
        var name = subscription.GetString("Name", required: true)!;
        var entity = EntityPathMap.Subscription(topic, name);
        paths.Add(entity, subscription.Path);
        var p = subscription.GetObject("Properties", SubscriptionProperties);
        return new SubscriptionDefinition(name)
        {
            DeadLetteringOnMessageExpiration = p.GetBoolean("DeadLetteringOnMessageExpiration") ?? false,
            DefaultMessageTimeToLive = p.GetDuration("DefaultMessageTimeToLive") ?? EmulatorConfigDefaults.DefaultMessageTimeToLive,
            LockDuration = p.GetDuration("LockDuration") ?? EmulatorConfigDefaults.LockDuration,
            MaxDeliveryCount = p.GetInt32("MaxDeliveryCount") ?? EmulatorConfigDefaults.MaxDeliveryCount,
            ForwardDeadLetteredMessagesTo = Forward(p, "ForwardDeadLetteredMessagesTo"),
            ForwardTo = Forward(p, "ForwardTo"),
            RequiresSession = p.GetBoolean("RequiresSession") ?? false,
            Rules = rules.ReadRules(entity, subscription),
        };
    }

    /// <summary>The emulator writes "" for "no forwarding"; the model says that with null.</summary>
    private static string? Forward(ConfigObject properties, string name) =>
        properties.GetString(name) is { Length: > 0 } target ? target : null;
}
