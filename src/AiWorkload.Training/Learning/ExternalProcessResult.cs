namespace AiWorkload.Training.Learning;

/// <summary>How an external program ended: its exit code, or null when it was killed for overrunning its time budget.</summary>
internal sealed record ExternalProcessResult(int? ExitCode, bool TimedOut, string StandardErrorTail);
