namespace AiWorkload.Orchestration.Pipelines;

/// <summary>Service Bus correlation filter semantics: every value given must match exactly (case-sensitive), all ANDed.</summary>
public sealed record CorrelationTriggerFilter
{
    public string? CorrelationId { get; init; }

    public string? Subject { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Application properties, compared as strings.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public bool IsEmpty => CorrelationId is null && Subject is null && ContentType is null && Properties.Count == 0;
}
