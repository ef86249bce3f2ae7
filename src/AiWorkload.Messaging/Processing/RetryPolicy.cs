namespace AiWorkload.Messaging.Processing;

/// <summary>Retries of transient failures with exponential backoff; after <see cref="MaxAttempts"/> the message is dead-lettered.</summary>
/// <remarks>Not Polly: a retry here is a redelivery through the broker (abandon or a scheduled copy) that must survive a
/// process restart, so only the delay is computed in process; Polly's pipelines retry within one call.</remarks>
public sealed class RetryPolicy
{
    /// <summary>Attempts in all, the first included. Keep it below the entity's MaxDeliveryCount so this policy, not the backstop, decides.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    public double BackoffFactor { get; set; } = 2;

    /// <summary>Spreads retries of messages that failed together (±20%), so they do not all come back at the same instant.</summary>
    public bool UseJitter { get; set; } = true;

    public RetryStrategy Strategy { get; set; } = RetryStrategy.Abandon;

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan GetDelay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var seconds = InitialDelay.TotalSeconds * Math.Pow(BackoffFactor, attempt - 1);
        if (UseJitter)
        {
            seconds *= 0.8 + (0.4 * Random.Shared.NextDouble());
        }

        return seconds >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(seconds);
    }
}
