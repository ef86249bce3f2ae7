using AiWorkload.Orchestration.Pipelines;

namespace AiWorkload.Orchestration.Runs;

/// <summary>
/// A run, stored as one document: its state, the pipeline snapshot it executes, every activity with its attempts, the
/// events it received and its history. Every change is one run-store transaction, checked against <see cref="Version"/>.
/// </summary>
public sealed class PipelineRun
{
    public required string RunId { get; init; }

    public required string Pipeline { get; init; }

    public string? ModelId { get; init; }

    /// <summary>What started it: manual, event, schedule, drift, new-data (or whatever a StartPipelineRun says).</summary>
    public required string Trigger { get; init; }

    public RunState State { get; set; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Set by the store; a commit succeeds only if nobody changed the run since it was read.</summary>
    public long Version { get; set; }

    /// <summary>
    /// At most one active run per key (a model id for the runs that retrain it); enforced by the store. A queued manual run
    /// takes it only when it starts, so the store also refuses a queued run that would start beside another holder.
    /// </summary>
    public string? FlightKey { get; set; }

    /// <summary>Null when the pipeline named by the start command does not exist (the run is then Failed).</summary>
    public PipelineDefinition? Definition { get; init; }

    public List<ActivityRun> Activities { get; init; } = [];

    public List<RunEvent> Inbox { get; init; } = [];

    public List<RunHistoryEntry> History { get; init; } = [];

    public bool IsTerminal => State.IsTerminal();

    public ActivityRun? FindActivity(string name) => Activities.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>Event types that some activity waits for without correlation; the store indexes them.</summary>
    public IEnumerable<string> UncorrelatedWaits() =>
        Activities.Where(a => a.Status == ActivityStatus.Waiting && a.Wait is { Correlated: false }).SelectMany(a => a.Wait!.EventTypes).Distinct(StringComparer.Ordinal);
}
