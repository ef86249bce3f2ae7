namespace AiWorkload.Messaging.Transport;

/// <summary>
/// Maps Azure Service Bus failure reasons and processor error sources, by their names in Azure.Messaging.ServiceBus
/// (ServiceBusFailureReason, ServiceBusErrorSource), onto the port's reasons and the operation names the embedded adapter
/// reports. Keyed by name so that the whole mapping is tested in CI, where the Azure SDK is not available.
/// </summary>
public static class ServiceBusErrorMapping
{
    /// <summary>
    /// A reason the port has no match for keeps its retry semantics: transient failures become
    /// <see cref="MessagingErrorReason.ServiceTimeout"/> (retried), the rest <see cref="MessagingErrorReason.GeneralError"/>.
    /// </summary>
    public static MessagingErrorReason ToReason(string? failureReason, bool isTransient) => failureReason switch
    {
        "MessagingEntityNotFound" => MessagingErrorReason.MessagingEntityNotFound,
        "MessagingEntityAlreadyExists" => MessagingErrorReason.MessagingEntityAlreadyExists,
        "MessageLockLost" => MessagingErrorReason.MessageLockLost,
        "SessionLockLost" => MessagingErrorReason.SessionLockLost,
        "SessionCannotBeLocked" => MessagingErrorReason.SessionCannotBeLocked,
        "MessageNotFound" => MessagingErrorReason.MessageNotFound,
        "MessageSizeExceeded" => MessagingErrorReason.MessageSizeExceeded,
        "QuotaExceeded" => MessagingErrorReason.QuotaExceeded,
        "ServiceBusy" => MessagingErrorReason.ServiceBusy,
        "ServiceTimeout" => MessagingErrorReason.ServiceTimeout,

        // A network failure between client and service: transient by nature, whatever the flag says.
        "ServiceCommunicationProblem" => MessagingErrorReason.ServiceTimeout,

        // The entity exists but refuses the operation until an operator enables it: retrying will not help.
        "MessagingEntityDisabled" => MessagingErrorReason.InvalidOperation,
        _ => isTransient ? MessagingErrorReason.ServiceTimeout : MessagingErrorReason.GeneralError,
    };

    /// <summary>The administration client fails with HTTP statuses (RequestFailedException) rather than reasons.</summary>
    public static MessagingErrorReason FromHttpStatus(int status) => status switch
    {
        404 => MessagingErrorReason.MessagingEntityNotFound,
        409 => MessagingErrorReason.MessagingEntityAlreadyExists,
        429 or 503 => MessagingErrorReason.ServiceBusy,
        408 or 504 => MessagingErrorReason.ServiceTimeout,
        401 or 403 => MessagingErrorReason.InvalidOperation,
        _ => MessagingErrorReason.GeneralError,
    };

    /// <summary>The operation a processor failure happened in, worded as the embedded adapter reports it.</summary>
    public static string ToOperation(string? errorSource) => errorSource switch
    {
        "Receive" => "receive",
        "RenewLock" => "renew lock",
        "AcceptSession" => "accept session",
        "CloseSession" => "close session",
        "ProcessMessageCallback" => "process message",
        "Complete" => "complete",
        "Abandon" => "abandon",
        null or "" => "unknown",
        _ => errorSource.ToLowerInvariant(),
    };
}
