namespace AiWorkload.Orchestration.Runs;

internal static class ActivityStatusExtensions
{
    public static bool IsTerminal(this ActivityStatus status) =>
        status is ActivityStatus.Succeeded or ActivityStatus.Failed or ActivityStatus.TimedOut or ActivityStatus.Cancelled or ActivityStatus.Skipped;

    /// <summary>An attempt is open: a timeout may still fire for it.</summary>
    public static bool IsInFlight(this ActivityStatus status) => status is ActivityStatus.Running or ActivityStatus.Waiting;

    public static bool IsTerminal(this RunState state) => state is RunState.Succeeded or RunState.Failed or RunState.Cancelled or RunState.TimedOut;

    public static bool IsActive(this RunState state) => state is RunState.Pending or RunState.Running;
}
