namespace AiWorkload.Contracts.Events;

/// <summary>Announces an explicit retraining request; its trigger routes it to the training subscription.</summary>
public sealed record RetrainingRequested(string EventId, string RequestId, string ModelId, string Reason, DateTimeOffset OccurredAt) : IWorkloadEvent;
