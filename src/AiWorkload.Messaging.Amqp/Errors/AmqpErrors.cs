using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Errors;

/// <summary>
/// Turns the engine's failures into the AMQP errors the Service Bus clients map back to the same reasons,
/// so a lock lost in the engine is a <c>MessageLockLost</c> in the SDK, not a generic failure.
/// </summary>
internal static class AmqpErrors
{
    public static Error From(Exception exception) => exception switch
    {
        MessagingException m => new Error { Condition = Condition(m.Reason), Description = m.Message },
        AmqpException a => a.Error,
        UnauthorizedAccessException u => new Error { Condition = AmqpErrorCode.UnauthorizedAccess, Description = u.Message },
        Security.TokenValidationException t => new Error { Condition = AmqpErrorCode.UnauthorizedAccess, Description = t.Message },
        ArgumentException or FormatException or InvalidCastException or KeyNotFoundException or Rules.RuleSyntaxException =>
            new Error { Condition = ServiceBusConditions.ArgumentError, Description = exception.Message },
        OperationCanceledException => new Error { Condition = ServiceBusConditions.Timeout, Description = "The operation did not complete in time." },
        _ => new Error { Condition = AmqpErrorCode.InternalError, Description = exception.Message },
    };

    public static AmqpException Exception(Exception exception) =>
        exception as AmqpException ?? new AmqpException(From(exception));

    public static AmqpException NotFound(string description) => new(AmqpErrorCode.NotFound, description);

    public static AmqpException Unauthorized(string description) => new(AmqpErrorCode.UnauthorizedAccess, description);

    public static AmqpException Argument(string description) => new(ServiceBusConditions.ArgumentError, description);

    public static AmqpException NotAllowed(string description) => new(AmqpErrorCode.NotAllowed, description);

    public static AmqpSymbol Condition(MessagingErrorReason reason) => reason switch
    {
        MessagingErrorReason.MessagingEntityNotFound => AmqpErrorCode.NotFound,
        MessagingErrorReason.MessagingEntityAlreadyExists => ServiceBusConditions.EntityAlreadyExists,
        MessagingErrorReason.MessageLockLost => ServiceBusConditions.MessageLockLost,
        MessagingErrorReason.SessionLockLost => ServiceBusConditions.SessionLockLost,
        MessagingErrorReason.SessionCannotBeLocked => ServiceBusConditions.SessionCannotBeLocked,
        MessagingErrorReason.MessageNotFound => ServiceBusConditions.MessageNotFound,
        MessagingErrorReason.MessageSizeExceeded => AmqpErrorCode.MessageSizeExceeded,
        MessagingErrorReason.QuotaExceeded => AmqpErrorCode.ResourceLimitExceeded,
        MessagingErrorReason.InvalidMessage => ServiceBusConditions.ArgumentError,
        MessagingErrorReason.InvalidOperation => AmqpErrorCode.NotAllowed,
        MessagingErrorReason.ServiceTimeout => ServiceBusConditions.Timeout,
        MessagingErrorReason.ServiceBusy or MessagingErrorReason.EngineClosed => ServiceBusConditions.ServerBusy,
        _ => AmqpErrorCode.InternalError,
    };

    /// <summary>The status code a management response carries for the same condition.</summary>
    public static int StatusCode(AmqpSymbol condition) => condition.Value switch
    {
        "amqp:not-found" => 404,
        "amqp:unauthorized-access" => 401,
        "com.microsoft:message-lock-lost" or "com.microsoft:session-lock-lost" or "com.microsoft:session-cannot-be-locked" => 410,
        "com.microsoft:message-not-found" => 404,
        "amqp:resource-limit-exceeded" or "amqp:link:message-size-exceeded" => 403,
        "com.microsoft:entity-already-exists" => 409,
        "com.microsoft:timeout" => 408,
        "com.microsoft:server-busy" => 503,
        "amqp:internal-error" => 500,
        _ => 400,
    };
}
