// Targets Pulumi.AzureNative 3.28.0 (ServiceBus RuleArgs, DefaultRuleArgs, FilterType, Inputs.SqlFilterArgs,
// Inputs.CorrelationFilterArgs, Inputs.ActionArgs) and Pulumi 3.114.2 (Input<T>, InputMap<T>); see Directory.Packages.props.
using AiWorkload.Messaging.Topology;
using Pulumi;
using ServiceBus = Pulumi.AzureNative.ServiceBus;
using ServiceBusInputs = Pulumi.AzureNative.ServiceBus.Inputs;

namespace AiWorkload.Infra;

/// <summary>Where a rule lives; outputs, so that a rule waits for its subscription.</summary>
public sealed record RuleScope(Output<string> ResourceGroupName, Output<string> NamespaceName, Output<string> TopicName, Output<string> SubscriptionName);

/// <summary>
/// Translates rules, and decides what becomes of the <c>$Default</c> rule (a true filter) that Azure creates with every
/// subscription.
/// <para>
/// Every subscription gets exactly one <c>DefaultRule</c> resource (Pulumi.AzureNative 3.28+), which adopts that
/// <c>$Default</c> and sets its filter and action to <see cref="DefaultRuleFor"/>: the true filter when the subscription
/// declares no rules (no change in Azure), otherwise the declared rule named <c>$Default</c> or else the first declared
/// rule. Every other declared rule becomes a <c>Rule</c> resource with its own name. So no true filter survives on a
/// filtering subscription, and a subscription that only has <c>$Default</c> gets no <c>Rule</c> resource.
/// </para>
/// <para>
/// Why <c>$Default</c> is overwritten rather than removed: ARM creates every subscription with <c>$Default</c>; a
/// <c>Rule</c> resource named <c>$Default</c> needs an import step to adopt it and its delete failed once the rule was
/// gone (pulumi-azure-native issue 4489), which <c>DefaultRule</c> fixes by adopting the rule without import; and
/// deleting a <c>DefaultRule</c> resource deletes <c>$Default</c> itself. Overwriting is the only declarative way to drop
/// the true filter, and keeping the resource on unfiltered subscriptions too means a subscription that stops filtering
/// is an update back to <c>1=1</c>, never a delete that would leave it with no rule at all.
/// Filtering is unchanged (a subscription takes one copy per matching rule); only the first rule's name in Azure is
/// <c>$Default</c>.
/// </para>
/// </summary>
public static class RuleArgsMapper
{
    /// <summary>The rule that <c>$Default</c> holds: the true filter when none is declared, else the declared <c>$Default</c> or the first rule.</summary>
    public static RuleDefinition DefaultRuleFor(SubscriptionDefinition subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.Rules.Count == 0)
        {
            return RuleDefinition.Default;
        }

        return subscription.Rules.FirstOrDefault(rule => IsDefaultName(rule.Name)) ?? subscription.Rules[0];
    }

    /// <summary>The declared rules that become <c>Rule</c> resources: all but <see cref="DefaultRuleFor"/>.</summary>
    public static IEnumerable<RuleDefinition> AdditionalRules(SubscriptionDefinition subscription)
    {
        var replacement = DefaultRuleFor(subscription);
        return subscription.Rules.Where(rule => !ReferenceEquals(rule, replacement));
    }

    public static ServiceBus.DefaultRuleArgs DefaultRule(RuleDefinition rule, RuleScope scope)
    {
        var args = new ServiceBus.DefaultRuleArgs
        {
            ResourceGroupName = scope.ResourceGroupName,
            NamespaceName = scope.NamespaceName,
            TopicName = scope.TopicName,
            SubscriptionName = scope.SubscriptionName,
            FilterType = FilterType(rule.Filter),
        };
        switch (rule.Filter)
        {
            case CorrelationFilterDefinition correlation:
                args.CorrelationFilter = CorrelationFilter(rule.Name, correlation);
                break;
            default:
                args.SqlFilter = SqlFilter(rule.Filter);
                break;
        }

        if (!string.IsNullOrWhiteSpace(rule.SqlAction))
        {
            args.Action = new ServiceBusInputs.ActionArgs { SqlExpression = rule.SqlAction };
        }

        return args;
    }

    public static ServiceBus.RuleArgs Rule(RuleDefinition rule, RuleScope scope)
    {
        var args = new ServiceBus.RuleArgs
        {
            ResourceGroupName = scope.ResourceGroupName,
            NamespaceName = scope.NamespaceName,
            TopicName = scope.TopicName,
            SubscriptionName = scope.SubscriptionName,
            RuleName = rule.Name,
            FilterType = FilterType(rule.Filter),
        };
        switch (rule.Filter)
        {
            case CorrelationFilterDefinition correlation:
                args.CorrelationFilter = CorrelationFilter(rule.Name, correlation);
                break;
            default:
                args.SqlFilter = SqlFilter(rule.Filter);
                break;
        }

        if (!string.IsNullOrWhiteSpace(rule.SqlAction))
        {
            args.Action = new ServiceBusInputs.ActionArgs { SqlExpression = rule.SqlAction };
        }

        return args;
    }

    /// <summary>ARM has SQL and correlation filters; a true filter is the SQL filter <c>1=1</c>, as the service stores it.</summary>
    public static ServiceBus.FilterType FilterType(RuleFilterDefinition filter) => filter switch
    {
        CorrelationFilterDefinition => ServiceBus.FilterType.CorrelationFilter,
        SqlFilterDefinition or TrueFilterDefinition => ServiceBus.FilterType.SqlFilter,
        _ => throw new NotSupportedException($"Filter type {filter.GetType().Name} has no ARM equivalent."),
    };

    public static ServiceBusInputs.SqlFilterArgs SqlFilter(RuleFilterDefinition filter) => filter switch
    {
        SqlFilterDefinition sql => new ServiceBusInputs.SqlFilterArgs { SqlExpression = sql.Expression },
        TrueFilterDefinition => new ServiceBusInputs.SqlFilterArgs { SqlExpression = TrueFilterDefinition.SqlExpression },
        _ => throw new NotSupportedException($"Filter type {filter.GetType().Name} is not a SQL filter."),
    };

    /// <summary>
    /// Subject is called Label in ARM. ARM stores application properties as strings, so a rule whose property value is
    /// not a string cannot be provisioned faithfully and is refused rather than silently turned into text.
    /// </summary>
    public static ServiceBusInputs.CorrelationFilterArgs CorrelationFilter(string ruleName, CorrelationFilterDefinition filter)
    {
        var args = new ServiceBusInputs.CorrelationFilterArgs
        {
            CorrelationId = Optional(filter.CorrelationId),
            MessageId = Optional(filter.MessageId),
            To = Optional(filter.To),
            ReplyTo = Optional(filter.ReplyTo),
            Label = Optional(filter.Subject),
            SessionId = Optional(filter.SessionId),
            ReplyToSessionId = Optional(filter.ReplyToSessionId),
            ContentType = Optional(filter.ContentType),
        };
        foreach (var (key, value) in filter.ApplicationProperties)
        {
            if (value is not string text)
            {
                throw new NotSupportedException(
                    $"Rule '{ruleName}': correlation property '{key}' is {value?.GetType().Name ?? "null"}; ARM correlation filters hold string values only.");
            }

            args.Properties.Add(key, text);
        }

        return args;
    }

    /// <summary>A null reference for null, so an unset property is left out rather than sent as an explicit null.</summary>
    public static Input<string>? Optional(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value;
    }

    private static bool IsDefaultName(string name) =>
        string.Equals(name, EntityDefaults.DefaultRuleName, StringComparison.OrdinalIgnoreCase);
}
