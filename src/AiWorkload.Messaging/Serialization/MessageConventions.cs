namespace AiWorkload.Messaging.Serialization;

/// <summary>
/// How the fields of a message type's envelope are derived from the message. Set with the fluent methods when
/// registering the type (AddEvent / AddCommand); <see cref="MessageOptions"/> overrides them per send.
/// </summary>
public sealed class MessageConventions<T>
    where T : class
{
    private readonly List<KeyValuePair<string, Func<T, object?>>> _properties = [];

    internal string? Subject { get; private set; }

    internal Func<T, string>? MessageId { get; private set; }

    internal Func<T, string?>? SessionId { get; private set; }

    internal Func<T, string?>? CorrelationId { get; private set; }

    internal TimeSpan? TimeToLive { get; private set; }

    internal IReadOnlyList<KeyValuePair<string, Func<T, object?>>> Properties => _properties;

    /// <summary>The Subject on the wire; the CLR type name by default. Keep it stable once messages are in flight.</summary>
    public MessageConventions<T> WithSubject(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        Subject = subject;
        return this;
    }

    /// <summary>The idempotency key: equal for the same logical message, so a resend is dropped by duplicate detection.</summary>
    public MessageConventions<T> IdentifiedBy(Func<T, string> messageId)
    {
        MessageId = messageId;
        return this;
    }

    /// <summary>Messages with the same session id are handled one at a time, in order (on session-enabled entities).</summary>
    public MessageConventions<T> InSession(Func<T, string?> sessionId)
    {
        SessionId = sessionId;
        return this;
    }

    public MessageConventions<T> CorrelatedBy(Func<T, string?> correlationId)
    {
        CorrelationId = correlationId;
        return this;
    }

    /// <summary>An application property, for subscription rules to route on.</summary>
    public MessageConventions<T> WithProperty(string name, Func<T, object?> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _properties.Add(new(name, value));
        return this;
    }

    public MessageConventions<T> WithTimeToLive(TimeSpan timeToLive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        TimeToLive = timeToLive;
        return this;
    }
}
