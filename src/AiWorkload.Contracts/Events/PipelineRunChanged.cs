namespace AiWorkload.Contracts.Events;

/// <summary>A pipeline run changed state (Pending, Running, Succeeded, Failed, Cancelled, TimedOut).</summary>
public sealed record PipelineRunChanged(
    string EventId,
    string RunId,
    string Pipeline,
    string State,
    DateTimeOffset OccurredAt,
    string? ModelId = null,
    string? Detail = null) : IWorkloadEvent;
