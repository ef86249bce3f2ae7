namespace AiWorkload.Orchestration.Runs;

/// <summary>
/// A run's lifecycle: Pending (accepted, not started) → Running → one of the terminal states. Pending → Cancelled and
/// Pending → Failed (unknown pipeline) skip Running. A terminal run never changes again.
/// </summary>
public enum RunState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
}
