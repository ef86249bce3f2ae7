namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// The emulator's rules that no clamping can satisfy: entity counts, a subscription on every topic, and names the
/// schema's pattern accepts. Breaking one means the emulator cannot host this topology at all.
/// </summary>
internal static class EmulatorShapeCheck
{
    public static void Check(TopologyModel model)
    {
        var entities = model.Queues.Count + model.Topics.Count;
        if (entities > EmulatorConfigDefaults.MaxQueuesAndTopics)
        {
            throw new TopologyException("topology", $"the emulator allows at most {EmulatorConfigDefaults.MaxQueuesAndTopics} queues and topics together; this topology has {entities}");
        }

        foreach (var queue in model.Queues)
        {
            CheckName(EntityPathMap.Queue(queue.Name), queue.Name);
        }

        foreach (var topic in model.Topics)
        {
            var at = EntityPathMap.Topic(topic.Name);
            CheckName(at, topic.Name);
            CheckCount(at, "subscriptions", topic.Subscriptions.Count, 1, EmulatorConfigDefaults.MaxSubscriptionsPerTopic);
            foreach (var subscription in topic.Subscriptions)
            {
                var subAt = EntityPathMap.Subscription(topic.Name, subscription.Name);
                CheckName(subAt, subscription.Name);
                var rules = EmulatorRuleWriter.RulesToWrite(subscription);
                CheckCount(subAt, "rules", rules.Count, 0, EmulatorConfigDefaults.MaxRulesPerSubscription);
                foreach (var rule in rules)
                {
                    CheckName(EntityPathMap.Rule(subAt, rule.Name), rule.Name);
                }
            }
        }
    }

    private static void CheckName(string at, string name)
    {
        if (!EmulatorConfigDefaults.NamePattern().IsMatch(name))
        {
            throw new TopologyException(at, $"the emulator only accepts names of ASCII letters, digits, '_', '-', '.' and '/' that start and end with a letter or digit; '{name}' is not one");
        }
    }

    private static void CheckCount(string at, string what, int count, int min, int max)
    {
        if (count < min || count > max)
        {
            throw new TopologyException(at, $"the emulator requires {min}..{max} {what}; this one has {count}");
        }
    }
}
