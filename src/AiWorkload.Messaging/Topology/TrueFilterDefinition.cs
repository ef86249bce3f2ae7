namespace AiWorkload.Messaging.Topology;

/// <summary>Matches every message; the filter of <c>$Default</c>.</summary>
public sealed record TrueFilterDefinition : RuleFilterDefinition
{
    public static TrueFilterDefinition Instance { get; } = new();

    /// <summary>The SQL text the service uses for a true filter.</summary>
    public const string SqlExpression = "1=1";
}
