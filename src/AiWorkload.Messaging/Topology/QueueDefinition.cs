namespace AiWorkload.Messaging.Topology;

/// <summary>A queue and every setting Azure Service Bus gives one. Defaults are the service's defaults.</summary>
public sealed record QueueDefinition(string Name) : IMessageEntityDefinition
{
    public TimeSpan LockDuration { get; init; } = EntityDefaults.LockDuration;

    public int MaxDeliveryCount { get; init; } = EntityDefaults.MaxDeliveryCount;

    public TimeSpan DefaultMessageTimeToLive { get; init; } = EntityDefaults.MessageTimeToLive;

    public bool DeadLetteringOnMessageExpiration { get; init; }

    public bool RequiresDuplicateDetection { get; init; }

    public TimeSpan DuplicateDetectionHistoryTimeWindow { get; init; } = EntityDefaults.DuplicateDetectionWindow;

    public bool RequiresSession { get; init; }

    public string? ForwardTo { get; init; }

    public string? ForwardDeadLetteredMessagesTo { get; init; }

    /// <summary>Honoured in Azure (infra); the embedded engine has a single partition and ignores it.</summary>
    public bool EnablePartitioning { get; init; }

    public int MaxSizeInMegabytes { get; init; } = EntityDefaults.MaxSizeInMegabytes;
}
