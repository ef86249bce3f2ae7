// Targets Azure.Core (TokenCredential), as Azure.Messaging.ServiceBus 7.20.1 depends on it.
using AiWorkload.Messaging.Topology.AppModel;
using Azure.Core;

namespace AiWorkload.Messaging.AzureServiceBus;

/// <summary>How AddAzureServiceBusTransport builds its administration client; messaging itself uses Aspire's ServiceBusClient.</summary>
public sealed class AzureServiceBusTransportOptions
{
    /// <summary>
    /// A connection string for administration only. The emulator needs one (its HTTP port, not the AMQP port in
    /// <c>ConnectionStrings:messaging</c>); the AppHost sets it. Defaults to <see cref="ServiceBusHosting.AdministrationConnectionStringKey"/>.
    /// </summary>
    public string? AdministrationConnectionString { get; set; }

    /// <summary>
    /// The credential for a namespace without a key. Null uses Microsoft.Extensions.Azure's default credential, which
    /// is what Aspire's ServiceBusClient uses when its settings name no credential.
    /// </summary>
    public TokenCredential? Credential { get; set; }
}
