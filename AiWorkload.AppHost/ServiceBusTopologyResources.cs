// Targets Aspire.Hosting.Azure.ServiceBus 13.5.2: AddServiceBusQueue, AddServiceBusTopic, AddServiceBusSubscription,
// the three WithProperties overloads, AzureServiceBusQueueResource/TopicResource/SubscriptionResource properties,
// AzureServiceBusRule, AzureServiceBusCorrelationFilter and AzureServiceBusFilterType.
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Azure;

namespace AiWorkload.AppHost;

/// <summary>
/// Declares every queue, topic and subscription of the topology as Aspire resources, assignment by assignment from
/// <see cref="AppModelTopology"/>, which decides (and CI tests) what Aspire can hold. Null values stay null.
/// </summary>
internal static class ServiceBusTopologyResources
{
    public static void Declare(IResourceBuilder<AzureServiceBusResource> serviceBus, AppModelDeclaration declaration)
    {
        foreach (var queue in declaration.Queues)
        {
            serviceBus.AddServiceBusQueue(queue.ResourceName, queue.QueueName).WithProperties(resource =>
            {
                resource.LockDuration = queue.LockDuration;
                resource.MaxDeliveryCount = queue.MaxDeliveryCount;
                resource.DefaultMessageTimeToLive = queue.DefaultMessageTimeToLive;
                resource.DeadLetteringOnMessageExpiration = queue.DeadLetteringOnMessageExpiration;
                resource.RequiresDuplicateDetection = queue.RequiresDuplicateDetection;
                resource.DuplicateDetectionHistoryTimeWindow = queue.DuplicateDetectionHistoryTimeWindow;
                resource.RequiresSession = queue.RequiresSession;
                resource.ForwardTo = queue.ForwardTo;
                resource.ForwardDeadLetteredMessagesTo = queue.ForwardDeadLetteredMessagesTo;
            });
        }

        foreach (var topic in declaration.Topics)
        {
            var topicResource = serviceBus.AddServiceBusTopic(topic.ResourceName, topic.TopicName).WithProperties(resource =>
            {
                resource.DefaultMessageTimeToLive = topic.DefaultMessageTimeToLive;
                resource.RequiresDuplicateDetection = topic.RequiresDuplicateDetection;
                resource.DuplicateDetectionHistoryTimeWindow = topic.DuplicateDetectionHistoryTimeWindow;
            });
            foreach (var subscription in topic.Subscriptions)
            {
                DeclareSubscription(topicResource, subscription);
            }
        }
    }

    private static void DeclareSubscription(IResourceBuilder<AzureServiceBusTopicResource> topic, AppModelSubscription subscription) =>
        topic.AddServiceBusSubscription(subscription.ResourceName, subscription.SubscriptionName).WithProperties(resource =>
        {
            resource.LockDuration = subscription.LockDuration;
            resource.MaxDeliveryCount = subscription.MaxDeliveryCount;
            resource.DefaultMessageTimeToLive = subscription.DefaultMessageTimeToLive;
            resource.DeadLetteringOnMessageExpiration = subscription.DeadLetteringOnMessageExpiration;
            resource.RequiresSession = subscription.RequiresSession;
            resource.ForwardTo = subscription.ForwardTo;
            resource.ForwardDeadLetteredMessagesTo = subscription.ForwardDeadLetteredMessagesTo;
            resource.Rules.AddRange(subscription.CorrelationRules.Select(ToRule));
        });

    /// <summary>Aspire calls To "SendTo"; it writes Subject as the emulator's "Label".</summary>
    private static AzureServiceBusRule ToRule(AppModelCorrelationRule rule) => new(rule.Name)
    {
        FilterType = AzureServiceBusFilterType.CorrelationFilter,
        CorrelationFilter = new AzureServiceBusCorrelationFilter
        {
            CorrelationId = rule.CorrelationId,
            MessageId = rule.MessageId,
            SendTo = rule.To,
            ReplyTo = rule.ReplyTo,
            Subject = rule.Subject,
            SessionId = rule.SessionId,
            ReplyToSessionId = rule.ReplyToSessionId,
            ContentType = rule.ContentType,
            Properties = new Dictionary<string, object>(rule.Properties, StringComparer.Ordinal),
        },
    };
}
