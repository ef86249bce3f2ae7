// Azure edge test: the shared transport contract run through the Azure adapter (Azure.Messaging.ServiceBus 7.20.1,
// Aspire.Azure.Messaging.ServiceBus 13.5.2 for its client); see Directory.Packages.props.
using AiWorkload.Messaging.Contract;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Edge.Tests.Contract;

/// <summary>The same contract the embedded adapter passes in CI, against a real namespace or the emulator.</summary>
[Collection(ServiceBusCollection.Name)]
[Trait("Category", "RequiresServiceBus")]
public sealed class AzureTransportContractTests(ServiceBusNamespace serviceBus) : TransportContractTests
{
    protected override IMessagingTransport Transport => serviceBus.Transport;
}
