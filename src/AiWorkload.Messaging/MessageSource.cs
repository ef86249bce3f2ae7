namespace AiWorkload.Messaging;

/// <summary>
/// Where a processor receives from: a queue, or a subscription of a topic. Telemetry names the queue or topic as the
/// destination and the subscription separately, as the OpenTelemetry conventions for Service Bus ask.
/// </summary>
public sealed record MessageSource
{
    private MessageSource(string destinationName, string? subscriptionName)
    {
        DestinationName = destinationName;
        SubscriptionName = subscriptionName;
    }

    /// <summary>The queue or topic name.</summary>
    public string DestinationName { get; }

    /// <summary>Null for a queue.</summary>
    public string? SubscriptionName { get; }

    public bool IsQueue => SubscriptionName is null;

    /// <summary>The Service Bus entity path: the queue name, or <c>topic/Subscriptions/subscription</c>.</summary>
    public string EntityPath => SubscriptionName is null ? DestinationName : $"{DestinationName}/Subscriptions/{SubscriptionName}";

    public static MessageSource Queue(string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        return new MessageSource(queueName, null);
    }

    public static MessageSource Subscription(string topicName, string subscriptionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicName);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionName);
        return new MessageSource(topicName, subscriptionName);
    }

    public override string ToString() => EntityPath;
}
