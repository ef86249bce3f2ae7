namespace AiWorkload.Ingestion.Runs;

/// <summary>The run's state is served by the orchestration API at the Location, <c>/api/runs/{runId}</c>.</summary>
public sealed record RunAccepted(string RunId, string Pipeline, string? ModelId, string Status, DateTimeOffset RequestedAt);
