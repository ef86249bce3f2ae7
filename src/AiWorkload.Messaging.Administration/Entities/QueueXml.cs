using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Administration.Runtime;
using AiWorkload.Messaging.Topology;
using static AiWorkload.Messaging.Administration.Entities.DescriptionReader;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>QueueDescription to and from <see cref="QueueDefinition"/>, in the element order the service uses.</summary>
internal static class QueueXml
{
    public const string Element = "QueueDescription";

    public static QueueDefinition Read(string name, XElement description, EntityContext context) =>
        DescriptionReader.Read(description, new QueueDefinition(name), new Dictionary<string, Func<QueueDefinition, XElement, QueueDefinition>>
        {
            ["LockDuration"] = (q, e) => q with { LockDuration = XmlValues.Duration(e) },
            ["MaxSizeInMegabytes"] = (q, e) => q with { MaxSizeInMegabytes = XmlValues.Int32(e) },
            ["RequiresDuplicateDetection"] = (q, e) => q with { RequiresDuplicateDetection = XmlValues.Boolean(e) },
            ["RequiresSession"] = (q, e) => q with { RequiresSession = XmlValues.Boolean(e) },
            ["DefaultMessageTimeToLive"] = (q, e) => q with { DefaultMessageTimeToLive = XmlValues.Duration(e) },
            ["DeadLetteringOnMessageExpiration"] = (q, e) => q with { DeadLetteringOnMessageExpiration = XmlValues.Boolean(e) },
            ["DuplicateDetectionHistoryTimeWindow"] = (q, e) => q with { DuplicateDetectionHistoryTimeWindow = XmlValues.Duration(e) },
            ["MaxDeliveryCount"] = (q, e) => q with { MaxDeliveryCount = XmlValues.Int32(e) },
            ["EnableBatchedOperations"] = Hint<QueueDefinition>(),
            ["IsAnonymousAccessible"] = Only<QueueDefinition>("false", "every request needs a key"),
            ["AuthorizationRules"] = NoAuthorizationRules<QueueDefinition>(),
            ["Status"] = Only<QueueDefinition>("Active", "entities cannot be disabled"),
            ["ForwardTo"] = (q, e) => q with { ForwardTo = XmlValues.EntityName(e) },
            ["UserMetadata"] = NoUserMetadata<QueueDefinition>(),
            ["SupportOrdering"] = Hint<QueueDefinition>(), // a queue is always ordered here
            ["AutoDeleteOnIdle"] = NoAutoDelete<QueueDefinition>(),
            ["EnablePartitioning"] = (q, e) => q with { EnablePartitioning = XmlValues.Boolean(e) },
            ["ForwardDeadLetteredMessagesTo"] = (q, e) => q with { ForwardDeadLetteredMessagesTo = XmlValues.EntityName(e) },
            ["EnableExpress"] = Only<QueueDefinition>("false", "every message is written to disk before it is acknowledged"),
            ["MaxMessageSizeInKilobytes"] = MaxMessageSize<QueueDefinition>(context.MaxMessageSizeBytes),
        });

    public static XElement Write(QueueDefinition queue, RuntimeSnapshot runtime, EntityContext context) =>
        new(AtomNames.Sb(Element),
            new XElement(AtomNames.Sb("LockDuration"), XmlValues.Text(queue.LockDuration)),
            new XElement(AtomNames.Sb("MaxSizeInMegabytes"), XmlValues.Text(queue.MaxSizeInMegabytes)),
            new XElement(AtomNames.Sb("RequiresDuplicateDetection"), XmlValues.Text(queue.RequiresDuplicateDetection)),
            new XElement(AtomNames.Sb("RequiresSession"), XmlValues.Text(queue.RequiresSession)),
            new XElement(AtomNames.Sb("DefaultMessageTimeToLive"), XmlValues.Text(queue.DefaultMessageTimeToLive)),
            new XElement(AtomNames.Sb("DeadLetteringOnMessageExpiration"), XmlValues.Text(queue.DeadLetteringOnMessageExpiration)),
            new XElement(AtomNames.Sb("DuplicateDetectionHistoryTimeWindow"), XmlValues.Text(queue.DuplicateDetectionHistoryTimeWindow)),
            new XElement(AtomNames.Sb("MaxDeliveryCount"), XmlValues.Text(queue.MaxDeliveryCount)),
            new XElement(AtomNames.Sb("EnableBatchedOperations"), "true"),
            new XElement(AtomNames.Sb("SizeInBytes"), XmlValues.Text(runtime.SizeInBytes)),
            new XElement(AtomNames.Sb("MessageCount"), XmlValues.Text(runtime.Counts.TotalMessageCount)),
            new XElement(AtomNames.Sb("IsAnonymousAccessible"), "false"),
            new XElement(AtomNames.Sb("Status"), "Active"),
            queue.ForwardTo is { Length: > 0 } forward ? new XElement(AtomNames.Sb("ForwardTo"), XmlValues.ForwardAddress(context.Host, forward)) : null,
            new XElement(AtomNames.Sb("CreatedAt"), XmlValues.Text(runtime.Times.CreatedAt)),
            new XElement(AtomNames.Sb("UpdatedAt"), XmlValues.Text(runtime.Times.UpdatedAt)),
            new XElement(AtomNames.Sb("AccessedAt"), XmlValues.Text(runtime.Times.AccessedAt)),
            new XElement(AtomNames.Sb("SupportOrdering"), "true"),
            CountDetailsXml.Write(runtime.Counts),
            new XElement(AtomNames.Sb("AutoDeleteOnIdle"), XmlValues.Text(TimeSpan.MaxValue)),
            new XElement(AtomNames.Sb("EnablePartitioning"), XmlValues.Text(queue.EnablePartitioning)),
            new XElement(AtomNames.Sb("EntityAvailabilityStatus"), "Available"),
            new XElement(AtomNames.Sb("EnableExpress"), "false"),
            queue.ForwardDeadLetteredMessagesTo is { Length: > 0 } dlq ? new XElement(AtomNames.Sb("ForwardDeadLetteredMessagesTo"), XmlValues.ForwardAddress(context.Host, dlq)) : null,
            new XElement(AtomNames.Sb("MaxMessageSizeInKilobytes"), XmlValues.Text(context.MaxMessageSizeBytes / 1024)));
}
