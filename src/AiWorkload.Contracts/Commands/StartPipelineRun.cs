namespace AiWorkload.Contracts.Commands;

/// <summary>Starts a pipeline run. <see cref="RunId"/> is the MessageId and the CorrelationId of every message of the run.</summary>
public sealed record StartPipelineRun(
    string RunId,
    string Pipeline,
    string Trigger,
    DateTimeOffset RequestedAt,
    string? ModelId = null,
    IReadOnlyDictionary<string, string>? Parameters = null);
