namespace AiWorkload.Orchestration.Api;

/// <summary>
/// A manual run, served at the Location (<c>/api/runs/{runId}</c>). Status is <c>pending</c>, or <c>queued</c> behind
/// <see cref="QueuedBehind"/> when the request asked to wait for the model's active retraining.
/// </summary>
public sealed record RunAccepted(string RunId, string Pipeline, string? ModelId, string Status, DateTimeOffset RequestedAt, string? QueuedBehind = null);
