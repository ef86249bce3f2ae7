// Azure edge test: the messaging port only, run against Azure.Messaging.ServiceBus 7.21.0 through the Azure adapter;
// see Directory.Packages.props.
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
