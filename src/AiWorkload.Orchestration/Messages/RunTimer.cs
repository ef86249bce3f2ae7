namespace AiWorkload.Orchestration.Messages;

/// <summary>
/// A scheduled message on the pipeline-timers queue for one attempt of one activity. <see cref="TimerId"/> is its MessageId;
/// a timer for an attempt that already ended is ignored, so a cancel that lost the race with activation is harmless.
/// </summary>
public sealed record RunTimer(string TimerId, string RunId, string Activity, int Attempt, TimerKind Kind, DateTimeOffset DueAt);
