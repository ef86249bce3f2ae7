namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>A topic as Aspire's AzureServiceBusTopicResource can declare it, with its subscriptions.</summary>
public sealed record AppModelTopic(string ResourceName, string TopicName)
{
    public TimeSpan? DefaultMessageTimeToLive { get; init; }

    public bool? RequiresDuplicateDetection { get; init; }

    public TimeSpan? DuplicateDetectionHistoryTimeWindow { get; init; }

    public IReadOnlyList<AppModelSubscription> Subscriptions { get; init; } = [];
}
