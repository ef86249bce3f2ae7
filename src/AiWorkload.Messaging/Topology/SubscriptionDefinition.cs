namespace AiWorkload.Messaging.Topology;

/// <summary>
/// A subscription: queue-like settings plus rules. With no rules it gets <c>$Default</c> (a true filter), as on the service;
/// with rules, those replace <c>$Default</c>, as when a subscription is created together with its rule.
/// </summary>
public sealed record SubscriptionDefinition(string Name) : IMessageEntityDefinition
{
    public TimeSpan LockDuration { get; init; } = EntityDefaults.LockDuration;

    public int MaxDeliveryCount { get; init; } = EntityDefaults.MaxDeliveryCount;

    public TimeSpan DefaultMessageTimeToLive { get; init; } = EntityDefaults.MessageTimeToLive;

    public bool DeadLetteringOnMessageExpiration { get; init; }

    public bool DeadLetteringOnFilterEvaluationExceptions { get; init; } = true;

    public bool RequiresSession { get; init; }

    public string? ForwardTo { get; init; }

    public string? ForwardDeadLetteredMessagesTo { get; init; }

    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    /// <summary>The rules the subscription really has: the declared ones, or <c>$Default</c> when none are declared.</summary>
    public IReadOnlyList<RuleDefinition> EffectiveRules =>
        Rules.Count > 0 ? Rules : [RuleDefinition.Default];
}
