namespace AiWorkload.Messaging;

/// <summary>Why a messaging operation failed; the values mirror Azure Service Bus failure reasons so adapters map one to one.</summary>
public enum MessagingErrorReason
{
    GeneralError,
    MessagingEntityNotFound,
    MessagingEntityAlreadyExists,
    MessageLockLost,
    SessionLockLost,
    SessionCannotBeLocked,
    MessageNotFound,
    MessageSizeExceeded,
    InvalidMessage,
    InvalidOperation,
    QuotaExceeded,
    ServiceTimeout,
    ServiceBusy,
    EngineClosed,
}
