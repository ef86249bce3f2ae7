namespace AiWorkload.Messaging.Telemetry;

/// <summary>Attribute names from the OpenTelemetry messaging and Azure messaging semantic conventions, plus this product's own.</summary>
public static class MessagingAttributes
{
    public const string System = "messaging.system";
    public const string DestinationName = "messaging.destination.name";
    public const string SubscriptionName = "messaging.destination.subscription.name";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string MessageId = "messaging.message.id";
    public const string ConversationId = "messaging.message.conversation_id";
    public const string BatchMessageCount = "messaging.batch.message_count";
    public const string DeliveryCount = "messaging.servicebus.message.delivery_count";
    public const string EnqueuedTime = "messaging.servicebus.message.enqueued_time";
    public const string DispositionStatus = "messaging.servicebus.disposition_status";
    public const string ErrorType = "error.type";

    /// <summary>The message type (Subject): low-cardinality, and what an operator filters by first.</summary>
    public const string MessageSubject = "aiworkload.messaging.message.subject";

    public const string DeadLetterReason = "aiworkload.messaging.dead_letter.reason";

    public const string RetryStrategy = "aiworkload.messaging.retry.strategy";

    /// <summary>The value of messaging.system for both adapters: the embedded engine speaks Service Bus semantics.</summary>
    public const string ServiceBusSystem = "servicebus";
}
