namespace AiWorkload.Contracts.Events;

/// <summary>A version became the one inference serves; <see cref="Decision"/> says why, with the numbers compared.</summary>
public sealed record ModelPromoted(
    string EventId,
    string JobId,
    string ModelId,
    int Version,
    int? PreviousVersion,
    string Metric,
    double Value,
    double? PreviousValue,
    string Decision,
    DateTimeOffset OccurredAt,
    string? RunId = null) : IWorkloadEvent;
