using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Entities;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Administration.Runtime;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Entities;

namespace AiWorkload.Messaging.Administration.Feeds;

/// <summary>Builds the entry of each resource from the engine's current state: definition, counts and times together.</summary>
internal sealed class EntryFactory(EmbeddedServiceBus engine, EntityContext context, Uri baseAddress)
{
    public XElement Queue(string name)
    {
        var queue = engine.GetQueue(name);
        return AtomWriter.Entry(Address(queue.Name), queue.Name, engine.GetEntityTimes(queue.Name).UpdatedAt, QueueXml.Write(queue, RuntimeSnapshot.Of(engine, queue.Name), context));
    }

    public XElement Topic(string name)
    {
        var topic = engine.GetTopicDefinition(name);
        var times = engine.GetEntityTimes(topic.Name);
        return AtomWriter.Entry(Address(topic.Name), topic.Name, times.UpdatedAt, TopicXml.Write(topic, engine.GetTopicRuntimeProperties(topic.Name), times, context));
    }

    /// <summary>A queue or a topic, whichever has the name: GET on a bare name is how the SDK reads both.</summary>
    public XElement Entity(string name) =>
        engine.IsQueue(name) ? Queue(name) : engine.IsTopic(name) ? Topic(name) : throw AdministrationException.NotFound(name);

    public XElement Subscription(string topic, string name)
    {
        var subscription = engine.GetSubscriptionDefinition(topic, name);
        var path = EntityPaths.Subscription(topic, subscription.Name);
        var runtime = RuntimeSnapshot.Of(engine, path);
        return AtomWriter.Entry(Address(path), subscription.Name, runtime.Times.UpdatedAt, SubscriptionXml.Write(subscription, runtime, context));
    }

    public XElement Rule(string topic, string subscription, string name)
    {
        var rule = engine.GetRules(topic, subscription).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw AdministrationException.NotFound($"{EntityPaths.Subscription(topic, subscription)}/Rules/{name}");
        var times = engine.GetEntityTimes(EntityPaths.Subscription(topic, subscription));
        return AtomWriter.Entry(Address($"{EntityPaths.Subscription(topic, subscription)}/Rules/{rule.Name}"), rule.Name, times.UpdatedAt, RuleXml.Write(rule, times.CreatedAt));
    }

    public XElement Namespace(DateTimeOffset startedAt) =>
        AtomWriter.Entry(Address("$namespaceinfo"), context.Host, startedAt, NamespaceInfoXml.Write(context.Host, startedAt, startedAt));

    public XElement Feed(string title, string path, IEnumerable<XElement> entries) =>
        AtomWriter.Feed(Address(path), title, engine.TimeProvider.GetUtcNow(), entries);

    private Uri Address(string path) => new(baseAddress, path);
}
