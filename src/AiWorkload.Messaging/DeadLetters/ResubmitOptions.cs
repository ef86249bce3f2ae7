namespace AiWorkload.Messaging.DeadLetters;

public sealed class ResubmitOptions
{
    /// <summary>Which dead-lettered messages to resubmit; all by default.</summary>
    public Func<DeadLetteredMessage, bool>? Filter { get; init; }

    /// <summary>Repairs a message before it is sent again, for example a body a newer handler version can read.</summary>
    public Action<ResubmittedMessage>? Fix { get; init; }

    /// <summary>
    /// Where to send. By default the entity the message was sent to: the queue, or for a subscription the topic, whose rules
    /// route it again; other subscriptions matching it see it again too, which their idempotent handlers absorb.
    /// </summary>
    public string? Destination { get; init; }

    public int MaxMessages { get; init; } = int.MaxValue;
}
