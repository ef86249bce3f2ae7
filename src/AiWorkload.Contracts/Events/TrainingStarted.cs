namespace AiWorkload.Contracts.Events;

public sealed record TrainingStarted(string EventId, string JobId, string ModelId, DateTimeOffset OccurredAt, string? RunId = null) : IWorkloadEvent;
