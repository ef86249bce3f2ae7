namespace AiWorkload.Messaging;

/// <summary>Application property names that every message and every rule in the product agree on.</summary>
public static class MessageProperties
{
    /// <summary>The message type, also carried as Subject; present as a property so SQL rules can use <c>user.event_type</c>.</summary>
    public const string EventType = "event_type";

    public const string ModelId = "model_id";

    /// <summary>What a workload event asks for, for example <c>model_training</c>; the training subscription routes on it.</summary>
    public const string Trigger = "trigger";

    /// <summary>W3C trace context, as OpenTelemetry propagators name it.</summary>
    public const string TraceParent = "traceparent";

    public const string TraceState = "tracestate";

    /// <summary>Where the Azure SDK reads and writes the W3C traceparent; set too, so both sides of the bus agree.</summary>
    public const string DiagnosticId = "Diagnostic-Id";

    /// <summary>The sender's idempotency key, kept when a retry or a resubmission travels under a derived MessageId.</summary>
    public const string OriginalMessageId = "aiw-original-message-id";

    /// <summary>Attempts made before this copy was scheduled by the retry policy.</summary>
    public const string PreviousAttempts = "aiw-previous-attempts";

    public const string LastError = "aiw-last-error";

    public const string ResubmitCount = "aiw-resubmit-count";

    /// <summary>Set by Service Bus on dead-lettered messages.</summary>
    public const string DeadLetterReason = "DeadLetterReason";

    public const string DeadLetterErrorDescription = "DeadLetterErrorDescription";
}
