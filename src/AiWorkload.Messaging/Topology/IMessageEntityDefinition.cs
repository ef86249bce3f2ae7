namespace AiWorkload.Messaging.Topology;

/// <summary>The settings shared by entities that hold messages for receivers: queues and subscriptions.</summary>
public interface IMessageEntityDefinition
{
    string Name { get; }

    TimeSpan LockDuration { get; }

    int MaxDeliveryCount { get; }

    TimeSpan DefaultMessageTimeToLive { get; }

    bool DeadLetteringOnMessageExpiration { get; }

    bool RequiresSession { get; }

    string? ForwardTo { get; }

    string? ForwardDeadLetteredMessagesTo { get; }
}
