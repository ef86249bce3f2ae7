using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Entities;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Entities;

namespace AiWorkload.Messaging.Administration.Routing;

/// <summary>
/// PUT and DELETE. Without If-Match a PUT creates (409 when the name is taken); with If-Match it updates: "*" (what the SDK
/// sends) updates whatever is there, an ETag from an earlier GET must still be current or the answer is 412.
/// </summary>
internal sealed class EntityWriter(EmbeddedServiceBus engine, EntityContext context, EntryFactory entries)
{
    public async Task<(HttpStatusCode Status, XElement Entry)> PutAsync(ResourcePath resource, XElement description, string? ifMatch, CancellationToken cancellationToken)
    {
        var update = ifMatch is not null;
        var kind = description.Name.LocalName;
        switch (resource.Kind)
        {
            case ResourceKind.Entity when kind == QueueXml.Element:
                var queue = QueueXml.Read(resource.Entity, description, context);
                CheckIfMatch(ifMatch, resource.Entity, () => entries.Queue(resource.Entity));
                await (update ? engine.UpdateQueueAsync(queue, cancellationToken) : engine.CreateQueueAsync(queue, cancellationToken));
                engine.RecordChange(queue.Name, created: !update);
                return (update ? HttpStatusCode.OK : HttpStatusCode.Created, entries.Queue(queue.Name));
            case ResourceKind.Entity when kind == TopicXml.Element:
                var topic = TopicXml.Read(resource.Entity, description, context);
                CheckIfMatch(ifMatch, resource.Entity, () => entries.Topic(resource.Entity));
                await (update ? engine.UpdateTopicAsync(topic, cancellationToken) : engine.CreateTopicAsync(topic, cancellationToken));
                engine.RecordChange(topic.Name, created: !update);
                return (update ? HttpStatusCode.OK : HttpStatusCode.Created, entries.Topic(topic.Name));
            case ResourceKind.Subscription when kind == SubscriptionXml.Element:
                var subscription = SubscriptionXml.Read(resource.Subscription, description);
                CheckIfMatch(ifMatch, resource.Entity, () => entries.Subscription(resource.Entity, resource.Subscription));
                await (update ? engine.UpdateSubscriptionAsync(resource.Entity, subscription, cancellationToken) : engine.CreateSubscriptionAsync(resource.Entity, subscription, cancellationToken));
                engine.RecordChange(EntityPaths.Subscription(resource.Entity, subscription.Name), created: !update);
                return (update ? HttpStatusCode.OK : HttpStatusCode.Created, entries.Subscription(resource.Entity, subscription.Name));
            case ResourceKind.Rule when kind == RuleXml.Element:
                var rule = RuleXml.Read(resource.Rule, description);
                CheckIfMatch(ifMatch, resource.Entity, () => entries.Rule(resource.Entity, resource.Subscription, resource.Rule));
                await (update ? engine.UpdateRuleAsync(resource.Entity, resource.Subscription, rule, cancellationToken) : engine.AddRuleAsync(resource.Entity, resource.Subscription, rule, cancellationToken));
                engine.RecordChange(EntityPaths.Subscription(resource.Entity, resource.Subscription), created: false);
                return (update ? HttpStatusCode.OK : HttpStatusCode.Created, entries.Rule(resource.Entity, resource.Subscription, rule.Name));
            case ResourceKind.Entity or ResourceKind.Subscription or ResourceKind.Rule:
                throw AdministrationException.BadRequest($"A {kind} cannot be put at this address ({resource.Kind}).");
            default:
                throw new AdministrationException(HttpStatusCode.MethodNotAllowed, $"{resource.Kind} is read-only.");
        }
    }

    public async Task DeleteAsync(ResourcePath resource, CancellationToken cancellationToken)
    {
        switch (resource.Kind)
        {
            case ResourceKind.Entity when engine.IsQueue(resource.Entity):
                await engine.DeleteQueueAsync(resource.Entity, cancellationToken);
                break;
            case ResourceKind.Entity when engine.IsTopic(resource.Entity):
                await engine.DeleteTopicAsync(resource.Entity, cancellationToken);
                break;
            case ResourceKind.Entity:
                throw AdministrationException.NotFound(resource.Entity);
            case ResourceKind.Subscription:
                await engine.DeleteSubscriptionAsync(resource.Entity, resource.Subscription, cancellationToken);
                break;
            case ResourceKind.Rule:
                await engine.RemoveRuleAsync(resource.Entity, resource.Subscription, resource.Rule, cancellationToken);
                engine.RecordChange(EntityPaths.Subscription(resource.Entity, resource.Subscription), created: false);
                break;
            default:
                throw new AdministrationException(HttpStatusCode.MethodNotAllowed, $"{resource.Kind} cannot be deleted.");
        }
    }

    /// <summary>An entity's version is the time it last changed, so a client holding an older ETag gets 412.</summary>
    public static string? ETagOf(XElement entry) =>
        entry.Element(AtomNames.Atom + "updated")?.Value is { } updated
            ? string.Create(CultureInfo.InvariantCulture, $"\"{XmlConvert.ToDateTimeOffset(updated).UtcTicks}\"")
            : null;

    /// <summary>Clients differ in whether they keep the quotes (and a weak prefix) of an ETag; the value is what counts.</summary>
    private static string Bare(string? etag) => (etag ?? "").Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');

    private static void CheckIfMatch(string? ifMatch, string path, Func<XElement> current)
    {
        if (ifMatch is null or "*")
        {
            return;
        }

        if (Bare(ETagOf(current())) != Bare(ifMatch))
        {
            throw new AdministrationException(HttpStatusCode.PreconditionFailed, $"The entity '{path}' changed since ETag {ifMatch} was read.");
        }
    }
}
