using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>RuleDescription (also DefaultRuleDescription inside a new subscription) to and from <see cref="RuleDefinition"/>.</summary>
internal static class RuleXml
{
    public const string Element = "RuleDescription";

    public static RuleDefinition Read(string? name, XElement description)
    {
        RuleFilterDefinition filter = TrueFilterDefinition.Instance;
        string? action = null;
        string? declaredName = null;
        foreach (var element in description.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "Filter":
                    filter = FilterXml.ReadFilter(element);
                    break;
                case "Action":
                    action = FilterXml.ReadAction(element);
                    break;
                case "Name":
                    declaredName = element.Value;
                    break;
                case "CreatedAt":
                    break;
                default:
                    throw AdministrationException.BadRequest($"{description.Name.LocalName} has an unknown element '{element.Name.LocalName}'.");
            }
        }

        var ruleName = name ?? declaredName ?? EntityDefaults.DefaultRuleName;
        if (name is not null && declaredName is not null && !string.Equals(name, declaredName, StringComparison.OrdinalIgnoreCase))
        {
            throw AdministrationException.BadRequest($"RuleDescription property 'Name' is '{declaredName}' but the address names rule '{name}'.");
        }

        return new RuleDefinition(ruleName, filter, action);
    }

    public static XElement Write(RuleDefinition rule, DateTimeOffset createdAt) =>
        new(AtomNames.Sb(Element),
            FilterXml.WriteFilter(rule.Filter),
            FilterXml.WriteAction(rule.SqlAction),
            new XElement(AtomNames.Sb("CreatedAt"), XmlValues.Text(createdAt)),
            new XElement(AtomNames.Sb("Name"), rule.Name));
}
