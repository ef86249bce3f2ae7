namespace AiWorkload.Orchestration.Pipelines;

/// <summary>
/// Attempts of one activity, the first included, with exponential backoff between them. No jitter: a retry's time is
/// predictable, which operators read in the run history and tests assert with a manual clock.
/// </summary>
public sealed record ActivityRetryPolicy(int MaxAttempts, TimeSpan Backoff)
{
    public static ActivityRetryPolicy None { get; } = new(1, TimeSpan.Zero);

    public double BackoffFactor { get; init; } = 2;

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan GetDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ticks = Backoff.Ticks * Math.Pow(BackoffFactor, attempt - 1);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
