namespace AiWorkload.Contracts.Events;

/// <summary>A training job gave up: bad data, a crashed external trainer, or retries exhausted.</summary>
public sealed record TrainingFailed(
    string EventId,
    string JobId,
    string ModelId,
    string Reason,
    string Detail,
    DateTimeOffset OccurredAt,
    string? RunId = null) : IWorkloadEvent;
