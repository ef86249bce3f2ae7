namespace AiWorkload.Messaging.Processing;

/// <summary>Values of messaging.servicebus.disposition_status.</summary>
internal static class Dispositions
{
    public const string Complete = "complete";
    public const string Abandon = "abandon";
    public const string DeadLetter = "dead_letter";
    public const string Defer = "defer";
}
