namespace AiWorkload.Messaging.Topology;

/// <summary>Exact, case-sensitive equality on system and application properties, all ANDed.</summary>
public sealed record CorrelationFilterDefinition : RuleFilterDefinition
{
    public string? CorrelationId { get; init; }

    public string? MessageId { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    /// <summary>Called Label in SQL and in the emulator's Config.json.</summary>
    public string? Subject { get; init; }

    public string? SessionId { get; init; }

    public string? ReplyToSessionId { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; } = new Dictionary<string, object?>();

    public bool IsEmpty =>
        CorrelationId is null && MessageId is null && To is null && ReplyTo is null && Subject is null &&
        SessionId is null && ReplyToSessionId is null && ContentType is null && ApplicationProperties.Count == 0;
}
