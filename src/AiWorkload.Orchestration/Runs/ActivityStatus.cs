namespace AiWorkload.Orchestration.Runs;

public enum ActivityStatus
{
    /// <summary>Not started: its dependencies are not done yet.</summary>
    Pending,

    /// <summary>An attempt is executing (a ForEach: iterations are under way).</summary>
    Running,

    /// <summary>An attempt waits for an event (a training result, a promotion decision, ...).</summary>
    Waiting,

    /// <summary>An attempt failed; the next one starts when the backoff's scheduled message arrives.</summary>
    Retrying,

    Succeeded,
    Failed,
    TimedOut,
    Cancelled,

    /// <summary>Never started because the run ended first.</summary>
    Skipped,
}
