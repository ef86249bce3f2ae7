namespace AiWorkload.Messaging.Embedded.Messages;

public enum ReceiveMode
{
    /// <summary>The message is locked for LockDuration and must be settled; unsettled messages come back.</summary>
    PeekLock,

    /// <summary>The message is removed as it is delivered: at-most-once.</summary>
    ReceiveAndDelete,
}
