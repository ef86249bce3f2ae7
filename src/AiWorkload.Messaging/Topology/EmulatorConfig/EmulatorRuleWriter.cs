using System.Globalization;
using System.Text.Json;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>Writes a subscription's rules as FilterType "Sql" or "Correlation" with an optional SQL action.</summary>
internal sealed class EmulatorRuleWriter(Utf8JsonWriter json, AdjustmentLog log)
{
    /// <summary>
    /// The rules the file must list. None declared, or only the implicit <c>$Default</c>, writes none: the emulator then
    /// gives the subscription its own <c>$Default</c>, and the schema's name pattern would reject that '$' anyway.
    /// </summary>
    public static IReadOnlyList<RuleDefinition> RulesToWrite(SubscriptionDefinition subscription) =>
        subscription.Rules is [{ Filter: TrueFilterDefinition, SqlAction: null } only] && only.Name == EntityDefaults.DefaultRuleName
            ? []
            : subscription.Rules;

    public void WriteRules(string subscription, SubscriptionDefinition definition)
    {
        var rules = RulesToWrite(definition);
        if (rules.Count == 0)
        {
            return;
        }

        json.WriteStartArray("Rules");
        foreach (var rule in rules)
        {
            WriteRule(EntityPathMap.Rule(subscription, rule.Name), rule);
        }

        json.WriteEndArray();
    }

    private void WriteRule(string at, RuleDefinition rule)
    {
        json.WriteStartObject();
        json.WriteString("Name", rule.Name);
        json.WriteStartObject("Properties");
        switch (rule.Filter)
        {
            case SqlFilterDefinition sql:
                WriteSql(sql.Expression);
                break;
            case TrueFilterDefinition:
                WriteSql(TrueFilterDefinition.SqlExpression);
                break;
            case CorrelationFilterDefinition correlation:
                WriteCorrelation(at, correlation);
                break;
            default:
                throw new TopologyException(at, $"a {rule.Filter.GetType().Name} cannot be written to the emulator's Config.json");
        }

        if (rule.SqlAction is not null)
        {
            json.WriteStartObject("Action");
            json.WriteString("SqlExpression", rule.SqlAction);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteSql(string expression)
    {
        json.WriteString("FilterType", "Sql");
        json.WriteStartObject("SqlFilter");
        json.WriteString("SqlExpression", expression);
        json.WriteEndObject();
    }

    private void WriteCorrelation(string at, CorrelationFilterDefinition filter)
    {
        json.WriteString("FilterType", "Correlation");
        json.WriteStartObject("CorrelationFilter");
        WriteIfSet("ContentType", filter.ContentType);
        WriteIfSet("CorrelationId", filter.CorrelationId);
        WriteIfSet("Label", filter.Subject);
        WriteIfSet("MessageId", filter.MessageId);
        WriteIfSet("ReplyTo", filter.ReplyTo);
        WriteIfSet("ReplyToSessionId", filter.ReplyToSessionId);
        WriteIfSet("SessionId", filter.SessionId);
        WriteIfSet("To", filter.To);
        if (filter.ApplicationProperties.Count > 0)
        {
            json.WriteStartObject("Properties");
            foreach (var (name, value) in filter.ApplicationProperties)
            {
                json.WritePropertyName(name);
                WriteValue($"{at} CorrelationFilter", name, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WriteIfSet(string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>
    /// The file holds JSON strings, numbers and booleans only; the reader brings numbers back as Int64 or Double.
    /// Other primitives are written as invariant strings and reported, since a string no longer equals, say, a Guid.
    /// </summary>
    private void WriteValue(string at, string name, object? value)
    {
        switch (value)
        {
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                json.WriteNumberValue(big);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case float or double:
                WriteFloatingPoint(at, name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case Guid or DateTime or DateTimeOffset or TimeSpan or char or Uri:
                var formatted = value is DateTime or DateTimeOffset
                    ? ((IFormattable)value).ToString("O", CultureInfo.InvariantCulture)
                    : Convert.ToString(value, CultureInfo.InvariantCulture)!;
                log.Record(at, $"Properties['{name}']", $"{value.GetType().Name} {formatted}", $"\"{formatted}\"", "the emulator's Config.json holds only strings, numbers and booleans");
                json.WriteStringValue(formatted);
                break;
            default:
                var type = value?.GetType().Name ?? "null";
                throw new TopologyException($"{at} Properties['{name}']", $"a {type} value cannot be written to the emulator's Config.json");
        }
    }

    /// <summary>Keeps a fraction on integral doubles (1.0, not 1) so they read back as Double rather than Int64.</summary>
    private void WriteFloatingPoint(string at, string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new TopologyException($"{at} Properties['{name}']", $"{value.ToString(CultureInfo.InvariantCulture)} cannot be written as JSON");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        json.WriteRawValue(text.AsSpan().IndexOfAny(".Ee") >= 0 ? text : text + ".0");
    }
}
