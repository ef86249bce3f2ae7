namespace AiWorkload.Messaging.Telemetry;

/// <summary>Values of messaging.operation.type and messaging.operation.name.</summary>
public static class MessagingOperations
{
    public const string Send = "send";
    public const string Schedule = "schedule";
    public const string CancelScheduled = "cancel_scheduled";
    public const string Process = "process";
    public const string Settle = "settle";
}
