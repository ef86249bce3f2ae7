namespace AiWorkload.Orchestration.Runs;

/// <summary>One attempt of an activity, as the run history shows it.</summary>
public sealed class ActivityAttempt
{
    public int Number { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    public ActivityStatus Status { get; set; }

    public string? Error { get; set; }
}
