namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>
/// A subscription as Aspire's AzureServiceBusSubscriptionResource can declare it. Only correlation rules can be declared
/// there; SQL rules reach the emulator through the generated Config.json and Azure through infra.
/// </summary>
public sealed record AppModelSubscription(string ResourceName, string SubscriptionName)
{
    public TimeSpan? LockDuration { get; init; }

    public int? MaxDeliveryCount { get; init; }

    public TimeSpan? DefaultMessageTimeToLive { get; init; }

    public bool? DeadLetteringOnMessageExpiration { get; init; }

    public bool? RequiresSession { get; init; }

    public string? ForwardTo { get; init; }

    public string? ForwardDeadLetteredMessagesTo { get; init; }

    public IReadOnlyList<AppModelCorrelationRule> CorrelationRules { get; init; } = [];
}
