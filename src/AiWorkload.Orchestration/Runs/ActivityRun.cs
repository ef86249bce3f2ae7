using AiWorkload.Orchestration.Activities;

namespace AiWorkload.Orchestration.Runs;

/// <summary>
/// The state of one activity in a run: status, attempts, timings, resolved inputs, outputs and the last error. A ForEach
/// iteration is an activity of its own named <c>loop[index]</c>, with <see cref="Parent"/> set.
/// </summary>
public sealed class ActivityRun
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? Parent { get; init; }

    public int? Index { get; init; }

    public string? Item { get; init; }

    public ActivityStatus Status { get; set; }

    /// <summary>The current (or last) attempt's number; 0 before the first.</summary>
    public int Attempt { get; set; }

    public IReadOnlyDictionary<string, string>? Inputs { get; set; }

    public IReadOnlyDictionary<string, string>? Outputs { get; set; }

    public string? Error { get; set; }

    /// <summary>What the activity waits for while <see cref="Status"/> is Waiting.</summary>
    public EventWait? Wait { get; set; }

    /// <summary>Values an activity keeps between its start and the events it waits for.</summary>
    public Dictionary<string, string> State { get; init; } = new(StringComparer.Ordinal);

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The MessageId of the scheduled timeout of the open attempt; cancelled when the attempt ends.</summary>
    public string? TimeoutTimerId { get; set; }

    public string? RetryTimerId { get; set; }

    /// <summary>A ForEach's items, resolved when it started.</summary>
    public IReadOnlyList<string>? Items { get; set; }

    public List<ActivityAttempt> Attempts { get; init; } = [];

    public ActivityAttempt? CurrentAttempt => Attempts.Count == 0 ? null : Attempts[^1];
}
