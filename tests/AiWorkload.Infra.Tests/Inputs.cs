// Targets Pulumi 3.114.2 (Pulumi.Testing.MockResourceArgs: inputs as camelCase keys, numbers as double, objects as
// dictionaries); see Directory.Packages.props.
using System.Collections.Immutable;
using System.Xml;
using AiWorkload.Messaging.Topology;
using Pulumi.Testing;

namespace AiWorkload.Infra.Tests;

/// <summary>Assertions that a resource's inputs mirror a definition of the topology model, setting for setting.</summary>
internal static class Inputs
{
    public static object? Get(this MockResourceArgs resource, string key) => resource.Inputs.GetValueOrDefault(key);

    public static bool Flag(this MockResourceArgs resource, string key) => Assert.IsType<bool>(resource.Inputs[key]);

    public static ImmutableDictionary<string, object> Object(this MockResourceArgs resource, string key) =>
        Assert.IsType<ImmutableDictionary<string, object>>(resource.Inputs[key]);

    public static ImmutableDictionary<string, object> Object(this ImmutableDictionary<string, object> value, string key) =>
        Assert.IsType<ImmutableDictionary<string, object>>(value[key]);

    public static void MirrorsQueue(this MockResourceArgs resource, QueueDefinition queue)
    {
        Assert.Equal(queue.Name, resource.Get("queueName"));
        resource.MirrorsMessageEntity(queue);
        Assert.Equal(queue.RequiresDuplicateDetection, resource.Get("requiresDuplicateDetection"));
        resource.MirrorsDuplicateWindow(queue.RequiresDuplicateDetection, queue.DuplicateDetectionHistoryTimeWindow);
        Assert.Equal(queue.EnablePartitioning, resource.Get("enablePartitioning"));
        Assert.Equal((double)queue.MaxSizeInMegabytes, resource.Get("maxSizeInMegabytes"));
    }

    public static void MirrorsTopic(this MockResourceArgs resource, TopicDefinition topic)
    {
        Assert.Equal(topic.Name, resource.Get("topicName"));
        resource.MirrorsTimeToLive(topic.DefaultMessageTimeToLive);
        Assert.Equal(topic.RequiresDuplicateDetection, resource.Get("requiresDuplicateDetection"));
        resource.MirrorsDuplicateWindow(topic.RequiresDuplicateDetection, topic.DuplicateDetectionHistoryTimeWindow);
        Assert.Equal(topic.EnablePartitioning, resource.Get("enablePartitioning"));
        Assert.Equal(topic.SupportOrdering, resource.Get("supportOrdering"));
        Assert.Equal((double)topic.MaxSizeInMegabytes, resource.Get("maxSizeInMegabytes"));
    }

    public static void MirrorsSubscription(this MockResourceArgs resource, string topic, SubscriptionDefinition subscription)
    {
        Assert.Equal(subscription.Name, resource.Get("subscriptionName"));
        Assert.Equal(topic, resource.Get("topicName"));
        resource.MirrorsMessageEntity(subscription);
        Assert.Equal(subscription.DeadLetteringOnFilterEvaluationExceptions, resource.Get("deadLetteringOnFilterEvaluationExceptions"));
        Assert.Null(resource.Get("requiresDuplicateDetection"));
    }

    /// <summary>A rule resource (Rule or DefaultRule) carries the rule's filter and action.</summary>
    public static void MirrorsRule(this MockResourceArgs resource, RuleDefinition rule)
    {
        switch (rule.Filter)
        {
            case SqlFilterDefinition sql:
                Assert.Equal("SqlFilter", resource.Get("filterType"));
                Assert.Equal(sql.Expression, resource.Object("sqlFilter").GetValueOrDefault("sqlExpression"));
                Assert.Null(resource.Get("correlationFilter"));
                break;
            case TrueFilterDefinition:
                Assert.Equal("SqlFilter", resource.Get("filterType"));
                Assert.Equal("1=1", resource.Object("sqlFilter").GetValueOrDefault("sqlExpression"));
                Assert.Null(resource.Get("correlationFilter"));
                break;
            case CorrelationFilterDefinition correlation:
                Assert.Equal("CorrelationFilter", resource.Get("filterType"));
                Assert.Null(resource.Get("sqlFilter"));
                var filter = resource.Object("correlationFilter");
                Assert.Equal(correlation.Subject, filter.GetValueOrDefault("label"));
                Assert.Equal(correlation.CorrelationId, filter.GetValueOrDefault("correlationId"));
                Assert.Equal(correlation.MessageId, filter.GetValueOrDefault("messageId"));
                Assert.Equal(correlation.To, filter.GetValueOrDefault("to"));
                Assert.Equal(correlation.ReplyTo, filter.GetValueOrDefault("replyTo"));
                Assert.Equal(correlation.SessionId, filter.GetValueOrDefault("sessionId"));
                Assert.Equal(correlation.ReplyToSessionId, filter.GetValueOrDefault("replyToSessionId"));
                Assert.Equal(correlation.ContentType, filter.GetValueOrDefault("contentType"));
                if (correlation.ApplicationProperties.Count > 0)
                {
                    var properties = filter.Object("properties");
                    Assert.Equal(correlation.ApplicationProperties.Count, properties.Count);
                    foreach (var (key, value) in correlation.ApplicationProperties)
                    {
                        Assert.Equal(value, properties[key]);
                    }
                }

                break;
            default:
                Assert.Fail($"Unexpected filter {rule.Filter}");
                break;
        }

        if (string.IsNullOrWhiteSpace(rule.SqlAction))
        {
            Assert.Null(resource.Get("action"));
        }
        else
        {
            Assert.Equal(rule.SqlAction, resource.Object("action").GetValueOrDefault("sqlExpression"));
        }
    }

    private static void MirrorsMessageEntity(this MockResourceArgs resource, IMessageEntityDefinition entity)
    {
        Assert.Equal(XmlConvert.ToString(entity.LockDuration), resource.Get("lockDuration"));
        Assert.Equal((double)entity.MaxDeliveryCount, resource.Get("maxDeliveryCount"));
        resource.MirrorsTimeToLive(entity.DefaultMessageTimeToLive);
        Assert.Equal(entity.DeadLetteringOnMessageExpiration, resource.Get("deadLetteringOnMessageExpiration"));
        Assert.Equal(entity.RequiresSession, resource.Get("requiresSession"));
        Assert.Equal(entity.ForwardTo, resource.Get("forwardTo"));
        Assert.Equal(entity.ForwardDeadLetteredMessagesTo, resource.Get("forwardDeadLetteredMessagesTo"));
    }

    /// <summary>TimeSpan.MaxValue means "never expires", the service default: the input is left out.</summary>
    private static void MirrorsTimeToLive(this MockResourceArgs resource, TimeSpan ttl)
    {
        if (ttl == TimeSpan.MaxValue)
        {
            Assert.Null(resource.Get("defaultMessageTimeToLive"));
        }
        else
        {
            Assert.Equal(XmlConvert.ToString(ttl), resource.Get("defaultMessageTimeToLive"));
        }
    }

    private static void MirrorsDuplicateWindow(this MockResourceArgs resource, bool enabled, TimeSpan window)
    {
        if (enabled)
        {
            Assert.Equal(XmlConvert.ToString(window), resource.Get("duplicateDetectionHistoryTimeWindow"));
        }
        else
        {
            Assert.Null(resource.Get("duplicateDetectionHistoryTimeWindow"));
        }
    }
}
