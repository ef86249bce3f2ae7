namespace AiWorkload.Messaging.Embedded.Messages;

/// <summary>A message to send, shaped like Azure Service Bus's ServiceBusMessage so adapters map field for field.</summary>
public sealed class OutgoingMessage
{
    public OutgoingMessage()
    {
    }

    public OutgoingMessage(ReadOnlyMemory<byte> body) => Body = body;

    public ReadOnlyMemory<byte> Body { get; set; }

    public MessageBodyKind BodyKind { get; set; }

    /// <summary>The idempotency key for duplicate detection; a new GUID is assigned when it is not set.</summary>
    public string? MessageId { get; set; }

    public string? SessionId { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>Called Label in SQL filters.</summary>
    public string? Subject { get; set; }

    public string? To { get; set; }

    public string? ReplyTo { get; set; }

    public string? ReplyToSessionId { get; set; }

    public string? ContentType { get; set; }

    public string? PartitionKey { get; set; }

    public TimeSpan? TimeToLive { get; set; }

    public DateTimeOffset? ScheduledEnqueueTime { get; set; }

    public IDictionary<string, object?> ApplicationProperties { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
