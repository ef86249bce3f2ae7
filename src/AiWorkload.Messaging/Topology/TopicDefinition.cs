namespace AiWorkload.Messaging.Topology;

/// <summary>A topic with its subscriptions; it holds no messages itself, it copies them to matching subscriptions.</summary>
public sealed record TopicDefinition(string Name)
{
    public TimeSpan DefaultMessageTimeToLive { get; init; } = EntityDefaults.MessageTimeToLive;

    public bool RequiresDuplicateDetection { get; init; }

    public TimeSpan DuplicateDetectionHistoryTimeWindow { get; init; } = EntityDefaults.DuplicateDetectionWindow;

    /// <summary>Honoured in Azure (infra): the seeds partition the workload topic.</summary>
    public bool EnablePartitioning { get; init; }

    public bool SupportOrdering { get; init; }

    public int MaxSizeInMegabytes { get; init; } = EntityDefaults.MaxSizeInMegabytes;

    public IReadOnlyList<SubscriptionDefinition> Subscriptions { get; init; } = [];
}
