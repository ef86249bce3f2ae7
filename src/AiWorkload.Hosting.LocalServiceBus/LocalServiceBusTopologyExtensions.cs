// Targets Aspire.Hosting 13.6.5: AddResource, WithInitialState(CustomResourceSnapshot), ResourcePropertySnapshot,
// ExcludeFromManifest, WithParentRelationship(IResource), OnResourceReady, ResourceNotificationService.PublishUpdateAsync.
// Aspire 13.6 passes a parent's state on to its children only for containers, so the entities' state is published here.
using System.Collections.Immutable;
using System.Globalization;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Hosting.LocalServiceBus;

/// <summary>Shows each queue, topic and subscription of a topology as a child resource, with its settings and rules.</summary>
public static class LocalServiceBusTopologyExtensions
{
    public static IResourceBuilder<LocalServiceBusResource> WithTopologyResources(
        this IResourceBuilder<LocalServiceBusResource> serviceBus,
        TopologyModel topology,
        IEnumerable<string> reservedNames)
    {
        ArgumentNullException.ThrowIfNull(serviceBus);
        ArgumentNullException.ThrowIfNull(topology);
        var reserved = new HashSet<string>(reservedNames, StringComparer.OrdinalIgnoreCase) { serviceBus.Resource.Name };
        var entities = new List<LocalServiceBusEntityResource>();
        foreach (var queue in topology.Queues)
        {
            AddEntity(serviceBus.ApplicationBuilder, serviceBus.Resource, entities, reserved, AppModelNames.Queue(queue.Name), queue.Name, "ServiceBusQueue", [
                Property("LockDuration", queue.LockDuration),
                Property("MaxDeliveryCount", queue.MaxDeliveryCount),
                Property("RequiresSession", queue.RequiresSession),
                Property("RequiresDuplicateDetection", queue.RequiresDuplicateDetection),
                Property("ForwardTo", queue.ForwardTo),
            ]);
        }

        foreach (var topic in topology.Topics)
        {
            var topicResource = AddEntity(serviceBus.ApplicationBuilder, serviceBus.Resource, entities, reserved, AppModelNames.Topic(topic.Name), topic.Name, "ServiceBusTopic", [
                Property("RequiresDuplicateDetection", topic.RequiresDuplicateDetection),
                Property("Subscriptions", topic.Subscriptions.Count),
            ]);
            foreach (var subscription in topic.Subscriptions)
            {
                AddEntity(serviceBus.ApplicationBuilder, topicResource, entities, reserved, AppModelNames.Subscription(topic.Name, subscription.Name),
                    $"{topic.Name}/Subscriptions/{subscription.Name}", "ServiceBusSubscription", [
                        Property("LockDuration", subscription.LockDuration),
                        Property("MaxDeliveryCount", subscription.MaxDeliveryCount),
                        Property("RequiresSession", subscription.RequiresSession),
                        Property("Rules", string.Join("; ", subscription.Rules.Select(DescribeRule))),
                    ]);
            }
        }

        // The host provisions every entity before it answers /health, so a healthy host means running entities.
        return serviceBus.OnResourceReady(async (_, ready, _) =>
        {
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var entity in entities)
            {
                await notifications.PublishUpdateAsync(entity, state => state with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                }).ConfigureAwait(false);
            }
        });
    }

    private static LocalServiceBusEntityResource AddEntity(
        IDistributedApplicationBuilder builder,
        IResource parent,
        List<LocalServiceBusEntityResource> entities,
        HashSet<string> reserved,
        string resourceName,
        string entityPath,
        string kind,
        ImmutableArray<ResourcePropertySnapshot> properties)
    {
        var name = reserved.Add(resourceName) ? resourceName : UniqueName(reserved, $"{resourceName}-{kind[10..].ToLowerInvariant()}");
        var entity = new LocalServiceBusEntityResource(name, entityPath, kind);
        builder.AddResource(entity)
            .WithParentRelationship(parent)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = kind,
                State = KnownResourceStates.Waiting,
                Properties = [new ResourcePropertySnapshot("servicebus.entity", entityPath), .. properties],
            })
            .ExcludeFromManifest();
        entities.Add(entity);
        return entity;
    }

    private static string UniqueName(HashSet<string> reserved, string candidate)
    {
        var name = candidate;
        for (var i = 2; !reserved.Add(name); i++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{candidate}{i}");
        }

        return name;
    }

    private static ResourcePropertySnapshot Property(string name, object? value) =>
        new($"servicebus.{char.ToLowerInvariant(name[0])}{name[1..]}", value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());

    private static string DescribeRule(RuleDefinition rule) => rule.Filter switch
    {
        SqlFilterDefinition sql => $"{rule.Name}: {sql.Expression}",
        _ => $"{rule.Name}: {rule.Filter.GetType().Name.Replace("Definition", string.Empty, StringComparison.Ordinal)}",
    };
}
