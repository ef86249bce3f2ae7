namespace AiWorkload.Messaging.Outbox;

public enum OutboxDelivery
{
    Send,
    Publish,
    Schedule,

    /// <summary>Cancels the scheduled message whose MessageId is the entry's.</summary>
    CancelScheduled,
}
