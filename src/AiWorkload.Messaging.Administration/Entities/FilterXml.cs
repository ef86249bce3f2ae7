using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>Rule filters and actions: SqlFilter, CorrelationFilter, TrueFilter, FalseFilter and SqlRuleAction, without parameters.</summary>
internal static class FilterXml
{
    private const string FalseExpression = "1=0";

    public static RuleFilterDefinition ReadFilter(XElement filter)
    {
        var type = TypeOf(filter);
        switch (type)
        {
            case "TrueFilter":
                return TrueFilterDefinition.Instance;
            case "FalseFilter":
                return new SqlFilterDefinition(FalseExpression);
            case "SqlFilter":
                NoParameters(filter, "SqlFilter");
                return new SqlFilterDefinition(Sql(filter, "SqlFilter"));
            case "CorrelationFilter":
                return ReadCorrelation(filter);
            default:
                throw AdministrationException.BadRequest($"RuleDescription Filter: unknown filter type '{type}' (SqlFilter, CorrelationFilter, TrueFilter or FalseFilter).");
        }
    }

    /// <summary>Null for no action (EmptyRuleAction or none).</summary>
    public static string? ReadAction(XElement action)
    {
        var type = TypeOf(action);
        switch (type)
        {
            case null or "EmptyRuleAction":
                return null;
            case "SqlRuleAction":
                NoParameters(action, "SqlRuleAction");
                return Sql(action, "SqlRuleAction");
            default:
                throw AdministrationException.BadRequest($"RuleDescription Action: unknown action type '{type}' (SqlRuleAction or EmptyRuleAction).");
        }
    }

    public static XElement WriteFilter(RuleFilterDefinition filter) => filter switch
    {
        TrueFilterDefinition => SqlLike("TrueFilter", TrueFilterDefinition.SqlExpression),
        SqlFilterDefinition { Expression: FalseExpression } => SqlLike("FalseFilter", FalseExpression),
        SqlFilterDefinition sql => SqlLike("SqlFilter", sql.Expression),
        CorrelationFilterDefinition correlation => WriteCorrelation(correlation),
        _ => throw new InvalidOperationException($"Unknown filter {filter.GetType().Name}."),
    };

    public static XElement WriteAction(string? action) => action is null
        ? new XElement(AtomNames.Sb("Action"), new XAttribute(AtomNames.Instance + "type", "EmptyRuleAction"))
        : new XElement(AtomNames.Sb("Action"), new XAttribute(AtomNames.Instance + "type", "SqlRuleAction"),
            new XElement(AtomNames.Sb("SqlExpression"), action),
            new XElement(AtomNames.Sb("CompatibilityLevel"), "20"));

    private static CorrelationFilterDefinition ReadCorrelation(XElement filter)
    {
        var result = new CorrelationFilterDefinition();
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var element in filter.Elements())
        {
            var value = element.Value;
            result = element.Name.LocalName switch
            {
                "CorrelationId" => result with { CorrelationId = value },
                "MessageId" => result with { MessageId = value },
                "To" => result with { To = value },
                "ReplyTo" => result with { ReplyTo = value },
                "Label" => result with { Subject = value },
                "SessionId" => result with { SessionId = value },
                "ReplyToSessionId" => result with { ReplyToSessionId = value },
                "ContentType" => result with { ContentType = value },
                "Properties" => ReadProperties(result, element, properties),
                _ => throw AdministrationException.BadRequest($"CorrelationFilter has an unknown element '{element.Name.LocalName}'."),
            };
        }

        return result with { ApplicationProperties = properties };
    }

    private static CorrelationFilterDefinition ReadProperties(CorrelationFilterDefinition filter, XElement element, Dictionary<string, object?> properties)
    {
        foreach (var pair in element.Elements())
        {
            var key = pair.Element(AtomNames.Sb("Key"))?.Value;
            var value = pair.Element(AtomNames.Sb("Value"));
            if (pair.Name != AtomNames.Sb("KeyValueOfstringanyType") || string.IsNullOrEmpty(key) || value is null)
            {
                throw AdministrationException.BadRequest("CorrelationFilter Properties: each entry must be a KeyValueOfstringanyType with a Key and a Value.");
            }

            if (!properties.TryAdd(key, PropertyValueXml.Read(value, key)))
            {
                throw AdministrationException.BadRequest($"CorrelationFilter Properties: '{key}' is given twice.");
            }
        }

        return filter;
    }

    private static XElement WriteCorrelation(CorrelationFilterDefinition filter) =>
        new(AtomNames.Sb("Filter"), new XAttribute(AtomNames.Instance + "type", "CorrelationFilter"),
            Optional("CorrelationId", filter.CorrelationId),
            Optional("MessageId", filter.MessageId),
            Optional("To", filter.To),
            Optional("ReplyTo", filter.ReplyTo),
            Optional("Label", filter.Subject),
            Optional("SessionId", filter.SessionId),
            Optional("ReplyToSessionId", filter.ReplyToSessionId),
            Optional("ContentType", filter.ContentType),
            new XElement(AtomNames.Sb("Properties"), filter.ApplicationProperties.Select(p =>
                new XElement(AtomNames.Sb("KeyValueOfstringanyType"),
                    new XElement(AtomNames.Sb("Key"), p.Key),
                    PropertyValueXml.Write(p.Value)))));

    private static XElement? Optional(string name, string? value) => value is null ? null : new XElement(AtomNames.Sb(name), value);

    private static XElement SqlLike(string type, string expression) =>
        new(AtomNames.Sb("Filter"), new XAttribute(AtomNames.Instance + "type", type),
            new XElement(AtomNames.Sb("SqlExpression"), expression),
            new XElement(AtomNames.Sb("CompatibilityLevel"), "20"));

    /// <summary>The type attribute's local part: the SDK writes it bare ("SqlFilter"), other clients may prefix it.</summary>
    private static string? TypeOf(XElement element) =>
        element.Attribute(AtomNames.Instance + "type")?.Value is { } type ? type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;

    private static string Sql(XElement element, string owner) =>
        element.Element(AtomNames.Sb("SqlExpression"))?.Value is { Length: > 0 } expression
            ? expression
            : throw AdministrationException.BadRequest($"{owner} property 'SqlExpression' is missing or empty.");

    /// <summary>The engine compiles SQL without parameter substitution, so parameters are refused rather than ignored.</summary>
    private static void NoParameters(XElement element, string owner)
    {
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "SqlExpression" or "CompatibilityLevel" or "RequiresPreprocessing":
                    break;
                case "Parameters" when !child.HasElements:
                    break;
                case "Parameters":
                    throw AdministrationException.Unsupported(owner, "Parameters", "write the values into the SQL expression");
                default:
                    throw AdministrationException.BadRequest($"{owner} has an unknown element '{child.Name.LocalName}'.");
            }
        }
    }
}
