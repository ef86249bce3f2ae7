namespace AiWorkload.Contracts.Events;

/// <summary>A trained version did not beat the promoted one by the policy's margin; it stays in the registry unserved.</summary>
public sealed record ModelRejected(
    string EventId,
    string JobId,
    string ModelId,
    int Version,
    int? CurrentVersion,
    string Metric,
    double Value,
    double? CurrentValue,
    string Decision,
    DateTimeOffset OccurredAt,
    string? RunId = null) : IWorkloadEvent;
