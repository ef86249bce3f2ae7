namespace AiWorkload.Messaging.Outbox;

/// <summary>How an outbox dispatcher runs; named options, one set per store type, bound from the section its service gives.</summary>
public sealed class OutboxOptions
{
    /// <summary>A sweep catches entries whose wake-up signal was lost (written by another process, or before a crash).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after a failed publish; it doubles per consecutive failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>The health check reports Degraded while an entry has waited longer than this (the broker is unreachable).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The delay before retry number <paramref name="failures"/>: doubling from <see cref="RetryDelay"/>, capped.</summary>
    /// <remarks>Not Polly: the dispatcher's loop already waits on a signal or this delay, whichever comes first; a pipeline would hide the wake-up.</remarks>
    public TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < RetryDelay ? RetryDelay : delay;
    }
}
