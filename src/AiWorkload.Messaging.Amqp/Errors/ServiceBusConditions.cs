using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Errors;

/// <summary>The vendor error conditions the Service Bus clients turn into their exception types and reasons.</summary>
internal static class ServiceBusConditions
{
    public static readonly AmqpSymbol Timeout = "com.microsoft:timeout";
    public static readonly AmqpSymbol MessageLockLost = "com.microsoft:message-lock-lost";
    public static readonly AmqpSymbol SessionLockLost = "com.microsoft:session-lock-lost";
    public static readonly AmqpSymbol SessionCannotBeLocked = "com.microsoft:session-cannot-be-locked";
    public static readonly AmqpSymbol MessageNotFound = "com.microsoft:message-not-found";
    public static readonly AmqpSymbol ServerBusy = "com.microsoft:server-busy";
    public static readonly AmqpSymbol ArgumentError = "com.microsoft:argument-error";
    public static readonly AmqpSymbol ArgumentOutOfRange = "com.microsoft:argument-out-of-range";
    public static readonly AmqpSymbol EntityAlreadyExists = "com.microsoft:entity-already-exists";
    public static readonly AmqpSymbol DeadLetter = "com.microsoft:dead-letter";
}
