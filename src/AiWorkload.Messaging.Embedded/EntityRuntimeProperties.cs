namespace AiWorkload.Messaging.Embedded;

/// <summary>Message counts of one queue or subscription, as Azure Service Bus's runtime properties report them.</summary>
public sealed record EntityRuntimeProperties(
    string EntityPath,
    long ActiveMessageCount,
    long LockedMessageCount,
    long DeferredMessageCount,
    long ScheduledMessageCount,
    long DeadLetterMessageCount,
    long TransferDeadLetterMessageCount)
{
    public long TotalMessageCount => ActiveMessageCount + DeferredMessageCount + ScheduledMessageCount + DeadLetterMessageCount + TransferDeadLetterMessageCount;
}
