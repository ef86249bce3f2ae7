namespace AiWorkload.Orchestration.Store;

/// <summary>
/// Everything one message changes, committed in one transaction: the dedupe key of that message, the runs, the outbox,
/// policy decisions and schedule states. All of it, or none.
/// </summary>
public sealed record RunChangeSet(string DedupeKey, DateTimeOffset At)
{
    public IReadOnlyList<RunWrite> Runs { get; init; } = [];

    public IReadOnlyList<OutboxEntry> Outbox { get; init; } = [];

    public IReadOnlyList<PolicyDecision> Decisions { get; init; } = [];

    public IReadOnlyList<ScheduleState> Schedules { get; init; } = [];
}
