namespace AiWorkload.Messaging.Embedded.Messages;

/// <summary>The broker-side state of a message, as Azure Service Bus reports it.</summary>
public enum MessageState
{
    Active = 0,
    Deferred = 1,
    Scheduled = 2,
}
