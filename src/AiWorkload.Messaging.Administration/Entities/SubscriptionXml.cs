using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Administration.Runtime;
using AiWorkload.Messaging.Topology;
using static AiWorkload.Messaging.Administration.Entities.DescriptionReader;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>SubscriptionDescription to and from <see cref="SubscriptionDefinition"/>; a DefaultRuleDescription replaces $Default on create.</summary>
internal static class SubscriptionXml
{
    public const string Element = "SubscriptionDescription";

    public static SubscriptionDefinition Read(string name, XElement description) =>
        DescriptionReader.Read(description, new SubscriptionDefinition(name), new Dictionary<string, Func<SubscriptionDefinition, XElement, SubscriptionDefinition>>
        {
            ["LockDuration"] = (s, e) => s with { LockDuration = XmlValues.Duration(e) },
            ["RequiresSession"] = (s, e) => s with { RequiresSession = XmlValues.Boolean(e) },
            ["DefaultMessageTimeToLive"] = (s, e) => s with { DefaultMessageTimeToLive = XmlValues.Duration(e) },
            ["DeadLetteringOnMessageExpiration"] = (s, e) => s with { DeadLetteringOnMessageExpiration = XmlValues.Boolean(e) },
            ["DeadLetteringOnFilterEvaluationExceptions"] = (s, e) => s with { DeadLetteringOnFilterEvaluationExceptions = XmlValues.Boolean(e) },
            ["DefaultRuleDescription"] = (s, e) => s with { Rules = [RuleXml.Read(null, e)] },
            ["MaxDeliveryCount"] = (s, e) => s with { MaxDeliveryCount = XmlValues.Int32(e) },
            ["EnableBatchedOperations"] = Hint<SubscriptionDefinition>(),
            ["Status"] = Only<SubscriptionDefinition>("Active", "entities cannot be disabled"),
            ["ForwardTo"] = (s, e) => s with { ForwardTo = XmlValues.EntityName(e) },
            ["UserMetadata"] = NoUserMetadata<SubscriptionDefinition>(),
            ["ForwardDeadLetteredMessagesTo"] = (s, e) => s with { ForwardDeadLetteredMessagesTo = XmlValues.EntityName(e) },
            ["AutoDeleteOnIdle"] = NoAutoDelete<SubscriptionDefinition>(),
        });

    public static XElement Write(SubscriptionDefinition subscription, RuntimeSnapshot runtime, EntityContext context) =>
        new(AtomNames.Sb(Element),
            new XElement(AtomNames.Sb("LockDuration"), XmlValues.Text(subscription.LockDuration)),
            new XElement(AtomNames.Sb("RequiresSession"), XmlValues.Text(subscription.RequiresSession)),
            new XElement(AtomNames.Sb("DefaultMessageTimeToLive"), XmlValues.Text(subscription.DefaultMessageTimeToLive)),
            new XElement(AtomNames.Sb("DeadLetteringOnMessageExpiration"), XmlValues.Text(subscription.DeadLetteringOnMessageExpiration)),
            new XElement(AtomNames.Sb("DeadLetteringOnFilterEvaluationExceptions"), XmlValues.Text(subscription.DeadLetteringOnFilterEvaluationExceptions)),
            new XElement(AtomNames.Sb("MessageCount"), XmlValues.Text(runtime.Counts.TotalMessageCount)),
            new XElement(AtomNames.Sb("MaxDeliveryCount"), XmlValues.Text(subscription.MaxDeliveryCount)),
            new XElement(AtomNames.Sb("EnableBatchedOperations"), "true"),
            new XElement(AtomNames.Sb("Status"), "Active"),
            subscription.ForwardTo is { Length: > 0 } forward ? new XElement(AtomNames.Sb("ForwardTo"), XmlValues.ForwardAddress(context.Host, forward)) : null,
            new XElement(AtomNames.Sb("CreatedAt"), XmlValues.Text(runtime.Times.CreatedAt)),
            new XElement(AtomNames.Sb("UpdatedAt"), XmlValues.Text(runtime.Times.UpdatedAt)),
            new XElement(AtomNames.Sb("AccessedAt"), XmlValues.Text(runtime.Times.AccessedAt)),
            CountDetailsXml.Write(runtime.Counts),
            new XElement(AtomNames.Sb("AutoDeleteOnIdle"), XmlValues.Text(TimeSpan.MaxValue)),
            subscription.ForwardDeadLetteredMessagesTo is { Length: > 0 } dlq ? new XElement(AtomNames.Sb("ForwardDeadLetteredMessagesTo"), XmlValues.ForwardAddress(context.Host, dlq)) : null,
            new XElement(AtomNames.Sb("EntityAvailabilityStatus"), "Available"));
}
