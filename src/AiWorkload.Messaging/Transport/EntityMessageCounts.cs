namespace AiWorkload.Messaging.Transport;

/// <summary>An entity's depth, as QueueRuntimeProperties and SubscriptionRuntimeProperties report it.</summary>
public sealed record EntityMessageCounts(long ActiveMessageCount, long DeadLetterMessageCount, long ScheduledMessageCount);
