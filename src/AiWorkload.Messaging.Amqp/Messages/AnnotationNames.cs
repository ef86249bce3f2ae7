using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Messages;

/// <summary>The message annotations Service Bus sets and reads.</summary>
internal static class AnnotationNames
{
    public static readonly AmqpSymbol ScheduledEnqueueTime = "x-opt-scheduled-enqueue-time";
    public static readonly AmqpSymbol PartitionKey = "x-opt-partition-key";
    public static readonly AmqpSymbol ViaPartitionKey = "x-opt-via-partition-key";
    public static readonly AmqpSymbol SequenceNumber = "x-opt-sequence-number";
    public static readonly AmqpSymbol EnqueuedTime = "x-opt-enqueued-time";
    public static readonly AmqpSymbol LockedUntil = "x-opt-locked-until";
    public static readonly AmqpSymbol EnqueueSequenceNumber = "x-opt-enqueue-sequence-number";
    public static readonly AmqpSymbol MessageState = "x-opt-message-state";
    public static readonly AmqpSymbol DeadLetterSource = "x-opt-deadletter-source";
}
