using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.CrashHost;

/// <summary>The entities both the crash host and the test that checks its data directory use.</summary>
public static class CrashTopology
{
    public const string Queue = "storm";
    public const string Topic = "fanout";
    public const int SubscriptionCount = 5;

    public static TopologyModel Model { get; } = new(
        [new QueueDefinition(Queue) { MaxDeliveryCount = 1000, LockDuration = TimeSpan.FromSeconds(30) }],
        [new TopicDefinition(Topic) { Subscriptions = [.. Enumerable.Range(0, SubscriptionCount).Select(i => new SubscriptionDefinition($"s{i}"))] }]);
}
