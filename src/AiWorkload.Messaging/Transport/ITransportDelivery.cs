namespace AiWorkload.Messaging.Transport;

/// <summary>
/// One locked message and the settlement operations on it: what ProcessMessageEventArgs gives a handler.
/// Every settlement fails with a lock-lost <see cref="MessagingException"/> once the lock is gone; it never silently succeeds.
/// </summary>
public interface ITransportDelivery
{
    MessageSource Source { get; }

    TransportReceivedMessage Message { get; }

    /// <summary>Null unless the message came through a session.</summary>
    ITransportSession? Session { get; }

    Task CompleteAsync(CancellationToken cancellationToken);

    Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken);

    Task DeadLetterAsync(string reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken);

    Task DeferAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken);

    /// <summary>Renews the message lock, or the session lock for a session message. Returns the new expiry.</summary>
    Task<DateTimeOffset> RenewLockAsync(CancellationToken cancellationToken);
}
