using AiWorkload.Messaging.Rules;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>The rules of one subscription, compiled once when the subscription or rule is created.</summary>
internal sealed class SubscriptionRules
{
    private readonly CompiledRule[] _rules;

    public SubscriptionRules(string subscriptionPath, IReadOnlyList<RuleDefinition> definitions)
    {
        Definitions = definitions;
        _rules = [.. definitions.Select(d => Compile(subscriptionPath, d))];
    }

    public IReadOnlyList<RuleDefinition> Definitions { get; }

    /// <summary>
    /// The copies this subscription takes: all matching rules without an action together produce one unmodified copy;
    /// each matching rule with an action produces its own copy with the action applied. A filter or action that fails
    /// to evaluate yields a single copy with the error, which the caller dead-letters.
    /// </summary>
    public List<(StoredMessage Copy, string? Error)> Copies(StoredMessage message)
    {
        var copies = new List<(StoredMessage, string?)>(1);
        var plainMatch = false;
        foreach (var rule in _rules)
        {
            try
            {
                if (!rule.Filter.Matches(message))
                {
                    continue;
                }

                if (rule.Action is null)
                {
                    plainMatch = true;
                    continue;
                }

                var copy = message.Copy();
                rule.Action.Apply(copy);
                copies.Add((copy, null));
            }
            catch (RuleEvaluationException error)
            {
                return [(message.Copy(), $"Rule '{rule.Name}' could not be evaluated: {error.Message}")];
            }
        }

        if (plainMatch)
        {
            copies.Insert(0, (message.Copy(), null));
        }

        return copies;
    }

    private static CompiledRule Compile(string subscriptionPath, RuleDefinition definition)
    {
        try
        {
            RuleFilter filter = definition.Filter switch
            {
                TrueFilterDefinition => TrueFilter.Instance,
                SqlFilterDefinition sql => SqlFilter.Compile(sql.Expression),
                CorrelationFilterDefinition correlation => CreateCorrelationFilter(correlation),
                _ => throw new ArgumentException($"Unsupported filter {definition.Filter.GetType().Name}."),
            };
            var action = string.IsNullOrWhiteSpace(definition.SqlAction) ? null : SqlRuleAction.Compile(definition.SqlAction);
            return new CompiledRule(definition.Name, filter, action);
        }
        catch (Exception error) when (error is RuleSyntaxException or ArgumentException)
        {
            throw new MessagingException(MessagingErrorReason.InvalidOperation, subscriptionPath, $"Rule '{definition.Name}' is invalid: {error.Message}", error);
        }
    }

    private static CorrelationFilter CreateCorrelationFilter(CorrelationFilterDefinition definition)
    {
        var filter = new CorrelationFilter
        {
            CorrelationId = definition.CorrelationId,
            MessageId = definition.MessageId,
            To = definition.To,
            ReplyTo = definition.ReplyTo,
            Subject = definition.Subject,
            SessionId = definition.SessionId,
            ReplyToSessionId = definition.ReplyToSessionId,
            ContentType = definition.ContentType,
            ApplicationProperties = definition.ApplicationProperties,
        };
        filter.Validate();
        return filter;
    }

    private sealed record CompiledRule(string Name, RuleFilter Filter, SqlRuleAction? Action);
}
