namespace AiWorkload.Messaging.Embedded.Messages;

/// <summary>
/// Azure Service Bus keeps the dead-letter reason and description as application properties with these names,
/// so a message resubmitted from a DLQ carries them unless they are removed.
/// </summary>
public static class DeadLetterProperties
{
    public const string Reason = "DeadLetterReason";
    public const string ErrorDescription = "DeadLetterErrorDescription";

    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
    public const string TtlExpired = "TTLExpiredException";
    public const string MaxTransferHopCountExceeded = "MaxTransferHopCountExceeded";
    public const string FilterEvaluationException = "FilterEvaluationException";
}
