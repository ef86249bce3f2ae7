namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>
/// A queue as Aspire's AzureServiceBusQueueResource can declare it: one property for each of that resource's settings.
/// Null leaves the setting to the service's default.
/// </summary>
public sealed record AppModelQueue(string ResourceName, string QueueName)
{
    public TimeSpan? LockDuration { get; init; }

    public int? MaxDeliveryCount { get; init; }

    public TimeSpan? DefaultMessageTimeToLive { get; init; }

    public bool? DeadLetteringOnMessageExpiration { get; init; }

    public bool? RequiresDuplicateDetection { get; init; }

    public TimeSpan? DuplicateDetectionHistoryTimeWindow { get; init; }

    public bool? RequiresSession { get; init; }

    public string? ForwardTo { get; init; }

    public string? ForwardDeadLetteredMessagesTo { get; init; }
}
