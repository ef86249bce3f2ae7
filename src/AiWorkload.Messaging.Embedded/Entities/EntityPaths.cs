namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>Service Bus entity paths; paths are case-insensitive on the service and here.</summary>
public static class EntityPaths
{
    public const string DeadLetterSuffix = "/$DeadLetterQueue";
    public const string TransferDeadLetterSuffix = "/$Transfer/$DeadLetterQueue";

    public static string Subscription(string topic, string subscription) => $"{topic}/Subscriptions/{subscription}";

    public static string DeadLetter(string entityPath) => entityPath + DeadLetterSuffix;

    public static string TransferDeadLetter(string entityPath) => entityPath + TransferDeadLetterSuffix;
}
