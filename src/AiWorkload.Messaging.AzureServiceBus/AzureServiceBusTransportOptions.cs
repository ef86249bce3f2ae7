// Targets Azure.Core (TokenCredential), as Azure.Messaging.ServiceBus 7.21.0 depends on it.
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.AppModel;
using Azure.Core;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>How AddAzureServiceBusTransport builds its Service Bus clients.</summary>
public sealed class AzureServiceBusTransportOptions
{
    /// <summary>
    /// A connection string for administration only. The emulator needs one (its HTTP port, not the AMQP port in
    /// <c>ConnectionStrings:messaging</c>); the AppHost sets it. Defaults to <see cref="ServiceBusHosting.AdministrationConnectionStringKey"/>.
    /// </summary>
    public string? AdministrationConnectionString { get; set; }

    /// <summary>
    /// The credential for a namespace without a key, for the ServiceBusClient this adapter registers and for the
    /// administration client. Null uses Azure.Identity's DefaultAzureCredential, as the Azure SDK documents for hosted apps.
    /// </summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>The queue the connection health check peeks (nothing is locked): one without sessions that every host may read.</summary>
    public string HealthCheckQueue { get; set; } = WorkloadTopology.PipelineRunsQueue;
}
