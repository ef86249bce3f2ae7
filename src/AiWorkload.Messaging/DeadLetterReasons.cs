namespace AiWorkload.Messaging;

/// <summary>The reasons this port dead-letters with, plus the ones Service Bus itself uses, so DLQ tooling can filter on them.</summary>
public static class DeadLetterReasons
{
    /// <summary>No message type is registered for the Subject: the sender is newer than the receiver, or misconfigured.</summary>
    public const string UnknownMessageType = "UnknownMessageType";

    /// <summary>The processor has no handler for a known message type that reached a queue.</summary>
    public const string NoHandler = "NoHandler";

    public const string UnsupportedContentType = "UnsupportedContentType";

    public const string DeserializationFailed = "DeserializationFailed";

    /// <summary>The handler failed in a way retrying cannot fix (for example <see cref="PoisonMessageException"/>).</summary>
    public const string PoisonMessage = "PoisonMessage";

    /// <summary>The retry policy gave up after its maximum number of attempts.</summary>
    public const string MaxRetriesExceeded = "MaxRetriesExceeded";

    /// <summary>Set by the broker when DeliveryCount reaches MaxDeliveryCount: the backstop behind the retry policy.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    public const string TimeToLiveExpired = "TTLExpiredException";
}
