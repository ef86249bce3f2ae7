using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Messages;
using AiWorkload.Messaging.Topology;
using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Management;

/// <summary>
/// Rules as <c>ServiceBusRuleManager</c> sends them (plain maps) and reads them back (described lists whose descriptor
/// codes are the Service Bus protocol's own), to and from the topology model's rule definitions.
/// </summary>
internal static class RuleDescriptions
{
    private const ulong RuleDescriptionCode = 0x0000013700000004;
    private const ulong SqlFilterCode = 0x000001370000006;
    private const ulong TrueFilterCode = 0x000001370000007;
    private const ulong CorrelationFilterCode = 0x000001370000009;
    private const ulong EmptyActionCode = 0x0000013700000005;
    private const ulong SqlActionCode = 0x0000013700000006;

    public static RuleDefinition Read(string name, AmqpMap description)
    {
        RuleFilterDefinition filter;
        if (Get(description, "sql-filter") is AmqpMap sql)
        {
            var expression = Get(sql, "expression") as string
                ?? throw AmqpErrors.Argument("A SQL filter needs its 'expression'.");
            filter = expression.Trim() == TrueFilterDefinition.SqlExpression ? TrueFilterDefinition.Instance : new SqlFilterDefinition(expression);
        }
        else if (Get(description, "correlation-filter") is AmqpMap correlation)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (Get(correlation, "properties") is AmqpMap map)
            {
                foreach (var (key, value) in map)
                {
                    properties[key.Key?.ToString() ?? ""] = PropertyValues.FromAmqp(value);
                }
            }

            filter = new CorrelationFilterDefinition
            {
                CorrelationId = Get(correlation, "correlation-id") as string,
                MessageId = Get(correlation, "message-id") as string,
                To = Get(correlation, "to") as string,
                ReplyTo = Get(correlation, "reply-to") as string,
                Subject = Get(correlation, "label") as string,
                SessionId = Get(correlation, "session-id") as string,
                ReplyToSessionId = Get(correlation, "reply-to-session-id") as string,
                ContentType = Get(correlation, "content-type") as string,
                ApplicationProperties = properties,
            };
        }
        else
        {
            throw AmqpErrors.Argument("A rule description needs a 'sql-filter' or a 'correlation-filter'.");
        }

        var action = (Get(description, "sql-rule-action") as AmqpMap) is { } actionMap ? Get(actionMap, "expression") as string : null;
        return new RuleDefinition(name, filter, string.IsNullOrWhiteSpace(action) ? null : action);
    }

    public static DescribedType Write(RuleDefinition rule) => new(RuleDescriptionCode, new List<object?>
    {
        Filter(rule.Filter),
        rule.SqlAction is null ? new DescribedType(EmptyActionCode, new List<object?>()) : new DescribedType(SqlActionCode, new List<object?> { rule.SqlAction, 20 }),
        rule.Name,
        null,
    });

    private static DescribedType Filter(RuleFilterDefinition filter) => filter switch
    {
        TrueFilterDefinition => new DescribedType(TrueFilterCode, new List<object?>()),
        SqlFilterDefinition sql => new DescribedType(SqlFilterCode, new List<object?> { sql.Expression, 20 }),
        CorrelationFilterDefinition c => new DescribedType(CorrelationFilterCode, new List<object?>
        {
            c.CorrelationId, c.MessageId, c.To, c.ReplyTo, c.Subject, c.SessionId, c.ReplyToSessionId, c.ContentType,
            Properties(c.ApplicationProperties),
        }),
        _ => throw new InvalidOperationException($"Unknown filter {filter.GetType().Name}."),
    };

    private static AmqpMap Properties(IReadOnlyDictionary<string, object?> properties)
    {
        var map = new AmqpMap();
        foreach (var (key, value) in properties)
        {
            map[new MapKey(key)] = PropertyValues.ToAmqp(value);
        }

        return map;
    }

    private static object? Get(AmqpMap map, string key) => map.TryGetValue<object>(new MapKey(key), out var value) ? value : null;
}
