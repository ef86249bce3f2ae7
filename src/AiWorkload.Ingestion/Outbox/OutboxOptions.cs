namespace AiWorkload.Ingestion.Outbox;

/// <summary>How the outbox dispatcher runs, from <c>Ingestion:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string ConfigurationSection = "Ingestion:Outbox";

    /// <summary>A sweep catches entries whose wake-up signal was lost (written by another process, or before a crash).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after a failed publish; it doubles per consecutive failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>The health check reports Degraded while an entry has waited longer than this (the broker is unreachable).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);
}
