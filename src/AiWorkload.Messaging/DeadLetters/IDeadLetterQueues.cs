namespace AiWorkload.Messaging.DeadLetters;

/// <summary>Operator tooling for dead-letter queues: read them, resubmit (optionally fixed), purge.</summary>
public interface IDeadLetterQueues
{
    /// <summary>Reads without locking or removing anything.</summary>
    Task<IReadOnlyList<DeadLetteredMessage>> PeekAsync(MessageSource source, int maxMessages = 100, long fromSequenceNumber = 0, CancellationToken cancellationToken = default);

    /// <summary>Sends copies of the selected messages back, then removes them from the dead-letter queue. Returns how many.</summary>
    Task<int> ResubmitAsync(MessageSource source, ResubmitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the selected messages (all by default). Returns how many.</summary>
    Task<int> PurgeAsync(MessageSource source, Func<DeadLetteredMessage, bool>? filter = null, CancellationToken cancellationToken = default);
}
