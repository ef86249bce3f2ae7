// Azure edge test: the shared transport contract run through the Azure adapter (Azure.Messaging.ServiceBus 7.21.0);
// see Directory.Packages.props.
using AiWorkload.Messaging.Contract;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Edge.Tests.Contract;

/// <summary>
/// The same contract the embedded adapter passes, through the Azure SDK: against the embedded engine's local AMQP face,
/// its administration API, or a real namespace or the emulator when <see cref="ServiceBusNamespace.ConnectionVariable"/> is set.
/// </summary>
[Collection(ServiceBusCollection.Name)]
public sealed class AzureTransportContractTests(ServiceBusNamespace serviceBus) : TransportContractTests
{
    protected override IMessagingTransport Transport => serviceBus.Transport;
}
