using System.Text.Json;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>Maps a subscription's Rules: FilterType "Sql" or "Correlation", and an optional SQL action.</summary>
internal sealed class EmulatorRuleReader(EntityPathMap paths)
{
    private const string Sql = "Sql";
    private const string Correlation = "Correlation";

    private static readonly string[] RuleKeys = ["Name", "Properties"];
    private static readonly string[] RuleProperties = ["FilterType", "CorrelationFilter", "SqlFilter", "Action"];
    private static readonly string[] ExpressionKeys = ["SqlExpression"];

    private static readonly string[] CorrelationKeys =
        ["ContentType", "CorrelationId", "Label", "MessageId", "ReplyTo", "ReplyToSessionId", "SessionId", "To", "Properties"];

    public IReadOnlyList<RuleDefinition> ReadRules(string subscription, ConfigObject subscriptionObject) =>
        subscriptionObject.GetArray("Rules", RuleKeys).Select(r => ReadRule(subscription, r)).ToList();

    private RuleDefinition ReadRule(string subscription, ConfigObject rule)
    {
        var name = rule.GetString("Name", required: true)!;
        paths.Add(EntityPathMap.Rule(subscription, name), rule.Path);
        var p = rule.GetObject("Properties", RuleProperties, required: true);
        var filterType = p.GetString("FilterType", required: true)!;
        var filter = filterType switch
        {
            Sql => ReadSql(p),
            Correlation => ReadCorrelation(p),
            _ => throw p.Error(p.PathOf("FilterType"), $"'{filterType}' is not a filter type; expected '{Correlation}' or '{Sql}'"),
        };
        var action = p.Has("Action") ? p.GetObject("Action", ExpressionKeys).GetString("SqlExpression", required: true) : null;
        return new RuleDefinition(name, filter, action);
    }

    private static RuleFilterDefinition ReadSql(ConfigObject properties)
    {
        RejectOther(properties, "CorrelationFilter", Sql);
        var expression = properties.GetObject("SqlFilter", ExpressionKeys, required: true).GetString("SqlExpression", required: true)!;

        // The service stores a true filter as the SQL filter "1=1"; reading it back as one keeps Write -> Read lossless.
        return string.Concat(expression.Where(c => !char.IsWhiteSpace(c))) == TrueFilterDefinition.SqlExpression
            ? TrueFilterDefinition.Instance
            : new SqlFilterDefinition(expression);
    }

    private static CorrelationFilterDefinition ReadCorrelation(ConfigObject properties)
    {
        RejectOther(properties, "SqlFilter", Correlation);
        var c = properties.GetObject("CorrelationFilter", CorrelationKeys, required: true);
        return new CorrelationFilterDefinition
        {
            ContentType = c.GetString("ContentType"),
            CorrelationId = c.GetString("CorrelationId"),
            Subject = c.GetString("Label"),
            MessageId = c.GetString("MessageId"),
            ReplyTo = c.GetString("ReplyTo"),
            ReplyToSessionId = c.GetString("ReplyToSessionId"),
            SessionId = c.GetString("SessionId"),
            To = c.GetString("To"),
            ApplicationProperties = ReadApplicationProperties(c.GetObject("Properties", allowed: null)),
        };
    }

    private static Dictionary<string, object?> ReadApplicationProperties(ConfigObject properties) =>
        properties.Properties.ToDictionary(p => p.Key, object? (p) => ToClrValue(properties, p.Key, p.Value), StringComparer.Ordinal);

    /// <summary>Integral numbers become Int64 and others Double, the types the SQL grammar gives such constants.</summary>
    private static object ToClrValue(ConfigObject owner, string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => value.GetDouble(),
        _ => throw owner.Error(owner.PathOf(name), $"expected a string, number or boolean but found {ConfigObject.Describe(value)}"),
    };

    private static void RejectOther(ConfigObject properties, string other, string filterType)
    {
        if (properties.Has(other))
        {
            throw properties.Error(properties.PathOf(other), $"'{other}' does not apply when FilterType is '{filterType}'");
        }
    }
}
