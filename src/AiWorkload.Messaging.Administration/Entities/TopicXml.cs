using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Administration.Runtime;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Topology;
using static AiWorkload.Messaging.Administration.Entities.DescriptionReader;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>TopicDescription to and from <see cref="TopicDefinition"/>; subscriptions are separate resources.</summary>
internal static class TopicXml
{
    public const string Element = "TopicDescription";

    public static TopicDefinition Read(string name, XElement description, EntityContext context) =>
        DescriptionReader.Read(description, new TopicDefinition(name), new Dictionary<string, Func<TopicDefinition, XElement, TopicDefinition>>
        {
            ["DefaultMessageTimeToLive"] = (t, e) => t with { DefaultMessageTimeToLive = XmlValues.Duration(e) },
            ["MaxSizeInMegabytes"] = (t, e) => t with { MaxSizeInMegabytes = XmlValues.Int32(e) },
            ["RequiresDuplicateDetection"] = (t, e) => t with { RequiresDuplicateDetection = XmlValues.Boolean(e) },
            ["DuplicateDetectionHistoryTimeWindow"] = (t, e) => t with { DuplicateDetectionHistoryTimeWindow = XmlValues.Duration(e) },
            ["EnableBatchedOperations"] = Hint<TopicDefinition>(),
            ["FilteringMessagesBeforePublishing"] = Only<TopicDefinition>("false", "rules are evaluated as messages are published"),
            ["IsAnonymousAccessible"] = Only<TopicDefinition>("false", "every request needs a key"),
            ["AuthorizationRules"] = NoAuthorizationRules<TopicDefinition>(),
            ["Status"] = Only<TopicDefinition>("Active", "entities cannot be disabled"),
            ["ForwardTo"] = (t, e) => XmlValues.EntityName(e) is null ? t : throw AdministrationExceptionFor(e, "a topic does not forward"),
            ["UserMetadata"] = NoUserMetadata<TopicDefinition>(),
            ["SupportOrdering"] = (t, e) => t with { SupportOrdering = XmlValues.Boolean(e) },
            ["AutoDeleteOnIdle"] = NoAutoDelete<TopicDefinition>(),
            ["EnablePartitioning"] = (t, e) => t with { EnablePartitioning = XmlValues.Boolean(e) },
            ["EnableSubscriptionPartitioning"] = Only<TopicDefinition>("false", "the engine has one partition"),
            ["EnableExpress"] = Only<TopicDefinition>("false", "every message is written to disk before it is acknowledged"),
            ["MaxMessageSizeInKilobytes"] = MaxMessageSize<TopicDefinition>(context.MaxMessageSizeBytes),
        });

    public static XElement Write(TopicDefinition topic, TopicRuntimeProperties runtime, EntityTimes times, EntityContext context) =>
        new(AtomNames.Sb(Element),
            new XElement(AtomNames.Sb("DefaultMessageTimeToLive"), XmlValues.Text(topic.DefaultMessageTimeToLive)),
            new XElement(AtomNames.Sb("MaxSizeInMegabytes"), XmlValues.Text(topic.MaxSizeInMegabytes)),
            new XElement(AtomNames.Sb("RequiresDuplicateDetection"), XmlValues.Text(topic.RequiresDuplicateDetection)),
            new XElement(AtomNames.Sb("DuplicateDetectionHistoryTimeWindow"), XmlValues.Text(topic.DuplicateDetectionHistoryTimeWindow)),
            new XElement(AtomNames.Sb("EnableBatchedOperations"), "true"),
            new XElement(AtomNames.Sb("SizeInBytes"), XmlValues.Text(runtime.SizeInBytes)),
            new XElement(AtomNames.Sb("FilteringMessagesBeforePublishing"), "false"),
            new XElement(AtomNames.Sb("IsAnonymousAccessible"), "false"),
            new XElement(AtomNames.Sb("Status"), "Active"),
            new XElement(AtomNames.Sb("CreatedAt"), XmlValues.Text(times.CreatedAt)),
            new XElement(AtomNames.Sb("UpdatedAt"), XmlValues.Text(times.UpdatedAt)),
            new XElement(AtomNames.Sb("AccessedAt"), XmlValues.Text(times.AccessedAt)),
            new XElement(AtomNames.Sb("SupportOrdering"), XmlValues.Text(topic.SupportOrdering)),
            CountDetailsXml.Write(0, 0, runtime.ScheduledMessageCount, 0),
            new XElement(AtomNames.Sb("SubscriptionCount"), XmlValues.Text(runtime.SubscriptionCount)),
            new XElement(AtomNames.Sb("AutoDeleteOnIdle"), XmlValues.Text(TimeSpan.MaxValue)),
            new XElement(AtomNames.Sb("EnablePartitioning"), XmlValues.Text(topic.EnablePartitioning)),
            new XElement(AtomNames.Sb("EntityAvailabilityStatus"), "Available"),
            new XElement(AtomNames.Sb("EnableSubscriptionPartitioning"), "false"),
            new XElement(AtomNames.Sb("EnableExpress"), "false"),
            new XElement(AtomNames.Sb("MaxMessageSizeInKilobytes"), XmlValues.Text(context.MaxMessageSizeBytes / 1024)));

    private static Errors.AdministrationException AdministrationExceptionFor(XElement element, string why) =>
        Errors.AdministrationException.Unsupported(Element, element.Name.LocalName, why);
}
