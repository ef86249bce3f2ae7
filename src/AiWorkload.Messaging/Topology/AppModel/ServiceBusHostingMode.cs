namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>Where the AppHost's Service Bus comes from.</summary>
public enum ServiceBusHostingMode
{
    /// <summary>
    /// The local Service Bus (AiWorkload.ServiceBus) as a resource of the AppHost, provisioned from the topology model, with
    /// the official emulator's connection string form.
    /// </summary>
    LocalServiceBus,

    /// <summary>A namespace that already exists (provisioned by infra), reached through <c>ConnectionStrings:messaging</c>.</summary>
    ExistingNamespace,
}
