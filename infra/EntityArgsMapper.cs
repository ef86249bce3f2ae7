// Targets Pulumi.AzureNative 3.28.0 (ServiceBus QueueArgs, TopicArgs, SubscriptionArgs) and Pulumi 3.114.2 (Input<T>);
// see Directory.Packages.props.
using System.Xml;
using AiWorkload.Messaging.Topology;
using Pulumi;
using ServiceBus = Pulumi.AzureNative.ServiceBus;

namespace AiWorkload.Infra;

/// <summary>Where an entity lives: its resource group and namespace, as outputs so that children wait for their parents.</summary>
public sealed record EntityScope(Output<string> ResourceGroupName, Output<string> NamespaceName);

/// <summary>
/// Translates queue, topic and subscription definitions into Pulumi arguments, setting for setting. Durations become
/// ISO 8601 (<c>PT1M</c>) in whole seconds; <see cref="TimeSpan.MaxValue"/> ("never expires", the service default) is
/// left out rather than sent.
/// </summary>
public static class EntityArgsMapper
{
    public static ServiceBus.QueueArgs Queue(
        QueueDefinition queue, EntityScope scope, Input<string>? forwardTo = null, Input<string>? forwardDeadLetteredMessagesTo = null) =>
        new()
        {
            ResourceGroupName = scope.ResourceGroupName,
            NamespaceName = scope.NamespaceName,
            QueueName = queue.Name,
            LockDuration = ToIso8601(queue.LockDuration),
            MaxDeliveryCount = queue.MaxDeliveryCount,
            DefaultMessageTimeToLive = TimeToLive(queue.DefaultMessageTimeToLive),
            DeadLetteringOnMessageExpiration = queue.DeadLetteringOnMessageExpiration,
            RequiresDuplicateDetection = queue.RequiresDuplicateDetection,
            DuplicateDetectionHistoryTimeWindow = DuplicateWindow(queue.RequiresDuplicateDetection, queue.DuplicateDetectionHistoryTimeWindow),
            RequiresSession = queue.RequiresSession,
            ForwardTo = forwardTo,
            ForwardDeadLetteredMessagesTo = forwardDeadLetteredMessagesTo,
            EnablePartitioning = queue.EnablePartitioning,
            MaxSizeInMegabytes = queue.MaxSizeInMegabytes,
        };

    public static ServiceBus.TopicArgs Topic(TopicDefinition topic, EntityScope scope) =>
        new()
        {
            ResourceGroupName = scope.ResourceGroupName,
            NamespaceName = scope.NamespaceName,
            TopicName = topic.Name,
            DefaultMessageTimeToLive = TimeToLive(topic.DefaultMessageTimeToLive),
            RequiresDuplicateDetection = topic.RequiresDuplicateDetection,
            DuplicateDetectionHistoryTimeWindow = DuplicateWindow(topic.RequiresDuplicateDetection, topic.DuplicateDetectionHistoryTimeWindow),
            EnablePartitioning = topic.EnablePartitioning,
            SupportOrdering = topic.SupportOrdering,
            MaxSizeInMegabytes = topic.MaxSizeInMegabytes,
        };

    public static ServiceBus.SubscriptionArgs Subscription(
        SubscriptionDefinition subscription, EntityScope scope, Output<string> topicName,
        Input<string>? forwardTo = null, Input<string>? forwardDeadLetteredMessagesTo = null) =>
        new()
        {
            ResourceGroupName = scope.ResourceGroupName,
            NamespaceName = scope.NamespaceName,
            TopicName = topicName,
            SubscriptionName = subscription.Name,
            LockDuration = ToIso8601(subscription.LockDuration),
            MaxDeliveryCount = subscription.MaxDeliveryCount,
            DefaultMessageTimeToLive = TimeToLive(subscription.DefaultMessageTimeToLive),
            DeadLetteringOnMessageExpiration = subscription.DeadLetteringOnMessageExpiration,
            DeadLetteringOnFilterEvaluationExceptions = subscription.DeadLetteringOnFilterEvaluationExceptions,
            RequiresSession = subscription.RequiresSession,
            ForwardTo = forwardTo,
            ForwardDeadLetteredMessagesTo = forwardDeadLetteredMessagesTo,
        };

    /// <summary>An ISO 8601 duration such as <c>PT1M</c> or <c>P14D</c>; only positive whole seconds, as ARM stores them.</summary>
    public static string ToIso8601(TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only a positive whole number of seconds can be provisioned.");
        }

        return XmlConvert.ToString(value);
    }

    /// <summary>Left out (null) for <see cref="TimeSpan.MaxValue"/>, which means "never expires" and is the service default.</summary>
    public static Input<string>? TimeToLive(TimeSpan value)
    {
        if (value == TimeSpan.MaxValue)
        {
            return null;
        }

        return ToIso8601(value);
    }

    /// <summary>The window is sent only when duplicate detection is on; otherwise the service ignores it.</summary>
    public static Input<string>? DuplicateWindow(bool enabled, TimeSpan window)
    {
        if (!enabled)
        {
            return null;
        }

        return ToIso8601(window);
    }
}
