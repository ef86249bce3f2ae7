// Azure edge test: the messaging port only, run against Azure.Messaging.ServiceBus 7.20.1 through the Azure adapter
// (and Aspire.Azure.Messaging.ServiceBus 13.5.2 for its client); see Directory.Packages.props.
namespace AiWorkload.Edge.Tests.Contract;

/// <summary>
/// One collection, so the contract tests run one after another: two processors on one entity would take each other's
/// messages, and each probe completes what is not its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceBusCollection : ICollectionFixture<ServiceBusNamespace>
{
    public const string Name = "Service Bus namespace";
}
