namespace AiWorkload.Messaging.Topology;

/// <summary>Checks a topology against the service's rules before anything is provisioned from it.</summary>
internal static class TopologyValidator
{
    public static void Validate(TopologyModel model, IReadOnlySet<string>? knownEntities)
    {
        var entities = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // name -> is a queue
        foreach (var queue in model.Queues)
        {
            var at = $"queue '{queue.Name}'";
            Fail(at, EntityNames.CheckEntityPath(queue.Name));
            if (!entities.TryAdd(queue.Name, true))
            {
                throw new TopologyException(at, "an entity with this name is declared twice");
            }

            CheckMessageEntity(at, queue);
            CheckDuplicateWindow(at, queue.RequiresDuplicateDetection, queue.DuplicateDetectionHistoryTimeWindow);
        }

        foreach (var topic in model.Topics)
        {
            var at = $"topic '{topic.Name}'";
            Fail(at, EntityNames.CheckEntityPath(topic.Name));
            if (!entities.TryAdd(topic.Name, false))
            {
                throw new TopologyException(at, "an entity with this name is declared twice");
            }

            CheckPositive(at, nameof(topic.DefaultMessageTimeToLive), topic.DefaultMessageTimeToLive);
            CheckDuplicateWindow(at, topic.RequiresDuplicateDetection, topic.DuplicateDetectionHistoryTimeWindow);
            var subscriptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var subscription in topic.Subscriptions)
            {
                var subAt = $"{at} subscription '{subscription.Name}'";
                Fail(subAt, EntityNames.CheckSubscriptionName(subscription.Name));
                if (!subscriptions.Add(subscription.Name))
                {
                    throw new TopologyException(subAt, "the subscription is declared twice");
                }

                CheckMessageEntity(subAt, subscription);
                CheckRules(subAt, subscription.Rules);
            }
        }

        foreach (var source in model.Queues.Cast<IMessageEntityDefinition>()
                     .Select(q => ($"queue '{q.Name}'", q))
                     .Concat(model.Topics.SelectMany(t => t.Subscriptions.Select(s => ($"topic '{t.Name}' subscription '{s.Name}'", (IMessageEntityDefinition)s)))))
        {
            CheckForwarding(source.Item1, source.Item2, entities, knownEntities);
        }
    }

    private static void CheckMessageEntity(string at, IMessageEntityDefinition entity)
    {
        if (entity.LockDuration < EntityDefaults.MinLockDuration || entity.LockDuration > EntityDefaults.MaxLockDuration)
        {
            throw new TopologyException($"{at} LockDuration", $"{entity.LockDuration} is outside {EntityDefaults.MinLockDuration}..{EntityDefaults.MaxLockDuration}");
        }

        if (entity.MaxDeliveryCount < 1)
        {
            throw new TopologyException($"{at} MaxDeliveryCount", $"{entity.MaxDeliveryCount} is less than 1");
        }

        CheckPositive(at, nameof(entity.DefaultMessageTimeToLive), entity.DefaultMessageTimeToLive);
    }

    private static void CheckForwarding(string at, IMessageEntityDefinition entity, Dictionary<string, bool> entities, IReadOnlySet<string>? knownEntities)
    {
        foreach (var (field, target) in new[] { ("ForwardTo", entity.ForwardTo), ("ForwardDeadLetteredMessagesTo", entity.ForwardDeadLetteredMessagesTo) })
        {
            if (string.IsNullOrEmpty(target))
            {
                continue;
            }

            if (!entities.ContainsKey(target) && knownEntities?.Contains(target) != true)
            {
                throw new TopologyException($"{at} {field}", $"the target '{target}' is not a queue or topic of this topology");
            }

            if (field == "ForwardTo" && entity.RequiresSession)
            {
                throw new TopologyException($"{at} {field}", "auto-forwarding is not allowed from a session-enabled entity");
            }

            if (entity is QueueDefinition && string.Equals(entity.Name, target, StringComparison.OrdinalIgnoreCase))
            {
                throw new TopologyException($"{at} {field}", "an entity cannot forward to itself");
            }
        }
    }

    private static void CheckRules(string at, IReadOnlyList<RuleDefinition> rules)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var ruleAt = $"{at} rule '{rule.Name}'";
            Fail(ruleAt, rule.Name == EntityDefaults.DefaultRuleName ? null : EntityNames.CheckRuleName(rule.Name));
            if (!names.Add(rule.Name))
            {
                throw new TopologyException(ruleAt, "the rule is declared twice");
            }

            switch (rule.Filter)
            {
                case SqlFilterDefinition sql when string.IsNullOrWhiteSpace(sql.Expression):
                    throw new TopologyException($"{ruleAt} SqlFilter", "the SQL expression is empty");
                case CorrelationFilterDefinition { IsEmpty: true }:
                    throw new TopologyException($"{ruleAt} CorrelationFilter", "a correlation filter needs at least one property");
                case SqlFilterDefinition sql:
                    CheckSql($"{ruleAt} SqlFilter", () => Rules.SqlFilter.Compile(sql.Expression));
                    break;
            }

            if (!string.IsNullOrWhiteSpace(rule.SqlAction))
            {
                CheckSql($"{ruleAt} Action", () => Rules.SqlRuleAction.Compile(rule.SqlAction));
            }
        }
    }

    /// <summary>SQL is compiled when the topology is checked, so a typo fails at start-up, not when a message first arrives.</summary>
    private static void CheckSql(string at, Action compile)
    {
        try
        {
            compile();
        }
        catch (Rules.RuleSyntaxException error)
        {
            throw new TopologyException(at, error.Message, error);
        }
    }

    private static void CheckPositive(string at, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new TopologyException($"{at} {field}", $"{value} is not positive");
        }
    }

    /// <summary>The window only matters, and is only checked, when duplicate detection is on.</summary>
    private static void CheckDuplicateWindow(string at, bool enabled, TimeSpan window)
    {
        if (enabled && window < EntityDefaults.MinDuplicateDetectionWindow || window > EntityDefaults.MaxDuplicateDetectionWindow)
        {
            throw new TopologyException($"{at} DuplicateDetectionHistoryTimeWindow", $"{window} is outside {EntityDefaults.MinDuplicateDetectionWindow}..{EntityDefaults.MaxDuplicateDetectionWindow}");
        }
    }

    private static void Fail(string at, string? reason)
    {
        if (reason is not null)
        {
            throw new TopologyException(at, reason);
        }
    }
}
