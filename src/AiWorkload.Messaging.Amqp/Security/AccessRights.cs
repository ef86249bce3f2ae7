namespace AiWorkload.Messaging.Amqp.Security;

/// <summary>The rights a Service Bus shared access key grants; Manage implies Send and Listen, as on the service.</summary>
[Flags]
public enum AccessRights
{
    None = 0,
    Send = 1,
    Listen = 2,
    Manage = 4 | Send | Listen,
}
