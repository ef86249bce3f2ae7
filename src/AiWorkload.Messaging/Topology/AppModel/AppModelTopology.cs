namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>
/// Translates the topology model into what Aspire's Service Bus resources can declare (queue, topic and subscription
/// properties, correlation rules), and lists what they cannot, so the AppHost only assigns values and reports the rest.
/// Aspire's values become Bicep when Aspire provisions; this product's Azure namespace comes from infra instead, so here
/// they describe the emulator's entities in the dashboard and keep the app model honest about the topology.
/// </summary>
public static class AppModelTopology
{
    private const string ProvisionedElsewhere = "the emulator reads it from the generated Config.json and infra (Pulumi) sets it in Azure";

    /// <param name="model">The topology; it is validated first.</param>
    /// <param name="reservedNames">Other resource names of the application (projects, the namespace), which entities must not reuse.</param>
    public static AppModelDeclaration From(TopologyModel model, IEnumerable<string>? reservedNames = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        var omissions = new List<AppModelOmission>();
        var queues = model.Queues.Select(q => Queue(q, omissions)).ToList();
        var topics = model.Topics.Select(t => Topic(t, omissions)).ToList();
        CheckUniqueNames(queues, topics, reservedNames ?? []);
        return new AppModelDeclaration(queues, topics, omissions);
    }

    /// <summary>"Never expires" is the service default and is left unset rather than sent as a 10,675,199-day duration.</summary>
    public static TimeSpan? TimeToLive(TimeSpan value) => value == TimeSpan.MaxValue ? null : value;

    /// <summary>The window means nothing without duplicate detection, so it is only declared with it, as infra does.</summary>
    public static TimeSpan? DuplicateDetectionWindow(bool enabled, TimeSpan window) => enabled ? window : null;

    private static AppModelQueue Queue(QueueDefinition queue, List<AppModelOmission> omissions)
    {
        var at = $"queue '{queue.Name}'";
        if (queue.EnablePartitioning)
        {
            omissions.Add(new(at, nameof(queue.EnablePartitioning), $"Aspire's queue resource has no such setting; infra sets it in Azure, the emulator has one partition"));
        }

        if (queue.MaxSizeInMegabytes != EntityDefaults.MaxSizeInMegabytes)
        {
            omissions.Add(new(at, nameof(queue.MaxSizeInMegabytes), "Aspire's queue resource has no such setting; infra sets it in Azure"));
        }

        return new AppModelQueue(AppModelNames.Queue(queue.Name), queue.Name)
        {
            LockDuration = queue.LockDuration,
            MaxDeliveryCount = queue.MaxDeliveryCount,
            DefaultMessageTimeToLive = TimeToLive(queue.DefaultMessageTimeToLive),
            DeadLetteringOnMessageExpiration = queue.DeadLetteringOnMessageExpiration,
            RequiresDuplicateDetection = queue.RequiresDuplicateDetection,
            DuplicateDetectionHistoryTimeWindow = DuplicateDetectionWindow(queue.RequiresDuplicateDetection, queue.DuplicateDetectionHistoryTimeWindow),
            RequiresSession = queue.RequiresSession,
            ForwardTo = queue.ForwardTo,
            ForwardDeadLetteredMessagesTo = queue.ForwardDeadLetteredMessagesTo,
        };
    }

    private static AppModelTopic Topic(TopicDefinition topic, List<AppModelOmission> omissions)
    {
        var at = $"topic '{topic.Name}'";
        if (topic.EnablePartitioning)
        {
            omissions.Add(new(at, nameof(topic.EnablePartitioning), "Aspire's topic resource has no such setting; infra sets it in Azure, the emulator has one partition"));
        }

        if (topic.SupportOrdering)
        {
            omissions.Add(new(at, nameof(topic.SupportOrdering), "Aspire's topic resource has no such setting; infra sets it in Azure"));
        }

        if (topic.MaxSizeInMegabytes != EntityDefaults.MaxSizeInMegabytes)
        {
            omissions.Add(new(at, nameof(topic.MaxSizeInMegabytes), "Aspire's topic resource has no such setting; infra sets it in Azure"));
        }

        return new AppModelTopic(AppModelNames.Topic(topic.Name), topic.Name)
        {
            DefaultMessageTimeToLive = TimeToLive(topic.DefaultMessageTimeToLive),
            RequiresDuplicateDetection = topic.RequiresDuplicateDetection,
            DuplicateDetectionHistoryTimeWindow = DuplicateDetectionWindow(topic.RequiresDuplicateDetection, topic.DuplicateDetectionHistoryTimeWindow),
            Subscriptions = [.. topic.Subscriptions.Select(s => Subscription(topic.Name, s, omissions))],
        };
    }

    private static AppModelSubscription Subscription(string topic, SubscriptionDefinition subscription, List<AppModelOmission> omissions)
    {
        var at = $"topic '{topic}' subscription '{subscription.Name}'";
        if (!subscription.DeadLetteringOnFilterEvaluationExceptions)
        {
            omissions.Add(new(at, nameof(subscription.DeadLetteringOnFilterEvaluationExceptions), "Aspire's subscription resource has no such setting; infra sets it in Azure"));
        }

        return new AppModelSubscription(AppModelNames.Subscription(topic, subscription.Name), subscription.Name)
        {
            LockDuration = subscription.LockDuration,
            MaxDeliveryCount = subscription.MaxDeliveryCount,
            DefaultMessageTimeToLive = TimeToLive(subscription.DefaultMessageTimeToLive),
            DeadLetteringOnMessageExpiration = subscription.DeadLetteringOnMessageExpiration,
            RequiresSession = subscription.RequiresSession,
            ForwardTo = subscription.ForwardTo,
            ForwardDeadLetteredMessagesTo = subscription.ForwardDeadLetteredMessagesTo,
            CorrelationRules = [.. CorrelationRules(at, subscription, omissions)],
        };
    }

    /// <summary>
    /// Correlation rules carry over. A true filter is what a subscription without rules has, so it needs no declaration;
    /// SQL filters and SQL actions cannot be declared at all, and are reported.
    /// </summary>
    private static IEnumerable<AppModelCorrelationRule> CorrelationRules(string at, SubscriptionDefinition subscription, List<AppModelOmission> omissions)
    {
        var filtering = subscription.Rules.Any(r => r.Filter is not TrueFilterDefinition);
        foreach (var rule in subscription.Rules)
        {
            var field = $"Rules['{rule.Name}']";
            switch (rule.Filter)
            {
                case CorrelationFilterDefinition correlation:
                    if (rule.SqlAction is not null)
                    {
                        omissions.Add(new(at, $"{field} Action", $"Aspire's rule has no action; the rule is declared without it, and {ProvisionedElsewhere}"));
                    }

                    yield return CorrelationRule(at, field, rule.Name, correlation, omissions);
                    break;
                case SqlFilterDefinition:
                    omissions.Add(new(at, field, $"a SQL filter cannot be declared through Aspire (its rule has no SQL expression), so Aspire alone would let every message through; {ProvisionedElsewhere}"));
                    break;
                case TrueFilterDefinition when filtering || rule.SqlAction is not null:
                    omissions.Add(new(at, field, $"a true filter next to other rules, or with an action, cannot be declared through Aspire; {ProvisionedElsewhere}"));
                    break;
            }
        }
    }

    private static AppModelCorrelationRule CorrelationRule(string at, string field, string name, CorrelationFilterDefinition filter, List<AppModelOmission> omissions)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in filter.ApplicationProperties)
        {
            if (value is null)
            {
                omissions.Add(new(at, $"{field} Properties['{key}']", $"a null value cannot be declared through Aspire; {ProvisionedElsewhere}"));
                continue;
            }

            properties[key] = value;
        }

        return new AppModelCorrelationRule(name)
        {
            CorrelationId = filter.CorrelationId,
            MessageId = filter.MessageId,
            To = filter.To,
            ReplyTo = filter.ReplyTo,
            Subject = filter.Subject,
            SessionId = filter.SessionId,
            ReplyToSessionId = filter.ReplyToSessionId,
            ContentType = filter.ContentType,
            Properties = properties,
        };
    }

    private static void CheckUniqueNames(List<AppModelQueue> queues, List<AppModelTopic> topics, IEnumerable<string> reservedNames)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reserved in reservedNames)
        {
            taken.TryAdd(reserved, $"resource '{reserved}'");
        }

        var entities = queues.Select(q => (q.ResourceName, $"queue '{q.QueueName}'"))
            .Concat(topics.Select(t => (t.ResourceName, $"topic '{t.TopicName}'")))
            .Concat(topics.SelectMany(t => t.Subscriptions.Select(s => (s.ResourceName, $"topic '{t.TopicName}' subscription '{s.SubscriptionName}'"))));
        foreach (var (resourceName, entity) in entities)
        {
            if (!taken.TryAdd(resourceName, entity))
            {
                throw new TopologyException(entity, $"its Aspire resource name '{resourceName}' is already used by {taken[resourceName]}");
            }
        }
    }
}
