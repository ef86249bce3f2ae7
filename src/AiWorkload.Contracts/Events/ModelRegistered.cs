namespace AiWorkload.Contracts.Events;

public sealed record ModelRegistered(string EventId, string ModelId, string DatasetId, string Task, DateTimeOffset OccurredAt) : IWorkloadEvent;
