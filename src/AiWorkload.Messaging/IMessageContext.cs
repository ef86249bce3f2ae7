namespace AiWorkload.Messaging;

/// <summary>
/// What the broker says about the message being handled, and explicit settlement. A handler that settles
/// (complete, abandon, dead-letter, defer) takes over from the default, which completes on success.
/// </summary>
public interface IMessageContext
{
    MessageSource Source { get; }

    /// <summary>
    /// The sender's idempotency key. Redeliveries scheduled by the retry policy and resubmissions from a dead-letter queue
    /// travel under derived transport ids (so duplicate detection lets them through) but keep this value.
    /// </summary>
    string MessageId { get; }

    /// <summary>The id the broker holds; differs from <see cref="MessageId"/> only for scheduled retries and resubmissions.</summary>
    string TransportMessageId { get; }

    string Subject { get; }

    string? SessionId { get; }

    string? CorrelationId { get; }

    string? ContentType { get; }

    /// <summary>Starts at 1 and counts the broker's deliveries of this copy: abandons and lost locks increment it.</summary>
    int DeliveryCount { get; }

    /// <summary>Which attempt this is across the retry policy's redeliveries: 1 for the first.</summary>
    int Attempt { get; }

    long SequenceNumber { get; }

    DateTimeOffset EnqueuedTime { get; }

    DateTimeOffset ExpiresAt { get; }

    IReadOnlyDictionary<string, object?> Properties { get; }

    /// <summary>Null unless the message came through a session-enabled entity.</summary>
    ISessionContext? Session { get; }

    bool IsSettled { get; }

    Task CompleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the message to the entity at once; it counts as a delivery, and MaxDeliveryCount applies.</summary>
    Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify = null, CancellationToken cancellationToken = default);

    Task DeadLetterAsync(string reason, string? description = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the message aside; only a receive by its <see cref="SequenceNumber"/> gets it back.</summary>
    Task DeferAsync(CancellationToken cancellationToken = default);

    /// <summary>The processor renews locks by itself up to its maximum duration; this renews once more, now.</summary>
    Task RenewLockAsync(CancellationToken cancellationToken = default);
}
