using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>How AddEmbeddedServiceBus opens the engine and how its processors receive.</summary>
public sealed class EmbeddedTransportOptions
{
    /// <summary>Where the engine keeps its SQLite database. Defaults to <c>Messaging:Embedded:DataDirectory</c>, else <c>{ContentRoot}/.servicebus</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Keeps everything in memory: fast tests only, nothing survives the process.</summary>
    public bool InMemory { get; set; }

    public EngineDurability Durability { get; set; } = EngineDurability.Full;

    /// <summary>Null provisions the topology the messaging port was given (<see cref="MessagingOptions.Topology"/>).</summary>
    public TopologyModel? Topology { get; set; }

    /// <summary>Used when a processor leaves SessionIdleTimeout unset. Short, because the engine wakes receivers on every send.</summary>
    public TimeSpan DefaultSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one receive call waits for a message before the loop asks again; stopping interrupts it.</summary>
    public TimeSpan ReceiveWaitTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Engine settings not covered above (message size limit, maintenance interval).</summary>
    public Action<EmbeddedServiceBusOptions>? ConfigureEngine { get; set; }
}
