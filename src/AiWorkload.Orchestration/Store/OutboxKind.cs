namespace AiWorkload.Orchestration.Store;

public enum OutboxKind
{
    Send,
    Publish,
    Schedule,

    /// <summary>Cancels the scheduled message whose MessageId is the entry's; if that one was never sent, it never will be.</summary>
    CancelScheduled,
}
