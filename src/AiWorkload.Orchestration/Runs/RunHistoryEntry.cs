namespace AiWorkload.Orchestration.Runs;

/// <summary>One state change of a run or of one of its activities, in the order they happened.</summary>
public sealed record RunHistoryEntry(DateTimeOffset At, string? Activity, string Status, string? Detail = null);
