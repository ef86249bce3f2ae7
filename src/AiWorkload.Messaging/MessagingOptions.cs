using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging;

public sealed class MessagingOptions
{
    /// <summary>The entities the services use. Processors read RequiresSession from it, types are checked against it, gauges cover it.</summary>
    public TopologyModel Topology { get; set; } = WorkloadTopology.Model;

    /// <summary>How often the active and dead-letter depth gauges are refreshed; zero or less turns polling off.</summary>
    public TimeSpan DepthPollingInterval { get; set; } = TimeSpan.FromSeconds(30);
}
