namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>
/// Renews a message or session lock before it expires, as ServiceBusProcessor does: when half the remaining time is left,
/// but at most 10 s before expiry, and only until <see cref="RenewUntil"/>.
/// </summary>
internal sealed class LockRenewer(
    TimeProvider time,
    Func<CancellationToken, Task<DateTimeOffset>> renew,
    Func<bool> isSettled,
    Action renewed,
    Func<Exception, Task> failed)
{
    private static readonly TimeSpan MaxBuffer = TimeSpan.FromSeconds(10);
    private long _renewUntilTicks;

    /// <summary>No renewal starts after this instant; a session processor moves it forward with every message.</summary>
    public DateTimeOffset RenewUntil
    {
        get => new(Interlocked.Read(ref _renewUntilTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _renewUntilTicks, value.UtcTicks);
    }

    public static TimeSpan DelayBeforeRenewal(DateTimeOffset lockedUntil, DateTimeOffset now)
    {
        var remaining = lockedUntil - now;
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var buffer = remaining / 2 < MaxBuffer ? remaining / 2 : MaxBuffer;
        return remaining - buffer;
    }

    public async Task RunAsync(DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var delay = DelayBeforeRenewal(lockedUntil, now);
                if (now + delay > RenewUntil)
                {
                    return;
                }

                await Task.Delay(delay, time, cancellationToken);
                if (isSettled())
                {
                    return;
                }

                lockedUntil = await renew(cancellationToken);
                if (lockedUntil <= time.GetUtcNow())
                {
                    return; // a lock that is already over cannot be kept; never spin on it
                }

                renewed();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The handler finished or the processor is stopping.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            if (!isSettled())
            {
                await failed(error);
            }
        }
    }
}
