using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Store;

/// <summary>A run as the list shows it; the full document (activities, attempts, events, history) is one GET away.</summary>
public sealed record RunSummary(
    string RunId,
    string Pipeline,
    string? ModelId,
    string Trigger,
    RunState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Error)
{
    public static RunSummary Of(PipelineRun run) =>
        new(run.RunId, run.Pipeline, run.ModelId, run.Trigger, run.State, run.CreatedAt, run.StartedAt, run.EndedAt, run.Error);
}
