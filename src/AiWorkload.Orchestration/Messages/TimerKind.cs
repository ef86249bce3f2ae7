namespace AiWorkload.Orchestration.Messages;

public enum TimerKind
{
    /// <summary>The attempt took longer than the activity's timeout.</summary>
    Timeout,

    /// <summary>The backoff after a failed attempt is over: start the next attempt.</summary>
    Retry,
}
