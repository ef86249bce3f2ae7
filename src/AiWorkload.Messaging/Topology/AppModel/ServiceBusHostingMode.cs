namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>Where the AppHost's Service Bus comes from.</summary>
public enum ServiceBusHostingMode
{
    /// <summary>The official emulator in Docker, with entities from a Config.json written from the topology model.</summary>
    Emulator,

    /// <summary>A namespace that already exists (provisioned by infra), reached through <c>ConnectionStrings:messaging</c>.</summary>
    ExistingNamespace,
}
