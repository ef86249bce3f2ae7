namespace AiWorkload.Contracts.Events;

/// <summary>Every workload event has a producer-chosen id (its MessageId, deterministic from business keys) and a time.</summary>
public interface IWorkloadEvent
{
    string EventId { get; }

    DateTimeOffset OccurredAt { get; }
}
