namespace AiWorkload.Contracts.Events;

/// <summary>What a pipeline's notify activity publishes.</summary>
public sealed record PipelineNotification(string EventId, string RunId, string Pipeline, string Message, DateTimeOffset OccurredAt, string? ModelId = null) : IWorkloadEvent;
