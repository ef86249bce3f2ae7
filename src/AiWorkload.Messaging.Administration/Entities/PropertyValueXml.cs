using System.Xml;
using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Administration.Feeds;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>
/// Typed values of correlation filter properties (<c>&lt;Value i:type="x:string"&gt;</c> with x bound to XML Schema), as the
/// SDK's XmlObjectConvertor writes and reads them. The engine matches strings, integers, booleans and doubles.
/// </summary>
internal static class PropertyValueXml
{
    public static object Read(XElement value, string key)
    {
        var type = value.Attribute(AtomNames.Instance + "type")?.Value
            ?? throw AdministrationException.BadRequest($"CorrelationFilter property '{key}' has no i:type.");
        var separator = type.IndexOf(':', StringComparison.Ordinal);
        var ns = separator > 0 ? value.GetNamespaceOfPrefix(type[..separator]) : null;
        var local = type[(separator + 1)..];
        if (ns is not null && ns != AtomNames.Schema)
        {
            throw AdministrationException.Unsupported("CorrelationFilter", $"Properties['{key}']", $"values of type {type} are not supported; use string, int, long, boolean or double");
        }

        try
        {
            return local switch
            {
                "string" => value.Value,
                "int" => XmlConvert.ToInt32(value.Value),
                "long" => XmlConvert.ToInt64(value.Value),
                "boolean" => XmlConvert.ToBoolean(value.Value),
                "double" => XmlConvert.ToDouble(value.Value),
                _ => throw AdministrationException.Unsupported("CorrelationFilter", $"Properties['{key}']", $"values of type {local} are not supported; use string, int, long, boolean or double"),
            };
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            throw AdministrationException.BadRequest($"CorrelationFilter property '{key}': '{value.Value}' is not a valid {local}.");
        }
    }

    public static XElement Write(object? value)
    {
        var (type, text) = value switch
        {
            string s => ("string", s),
            int i => ("int", XmlConvert.ToString(i)),
            long l => ("long", XmlConvert.ToString(l)),
            bool b => ("boolean", XmlConvert.ToString(b)),
            double d => ("double", XmlConvert.ToString(d)),
            _ => ("string", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        };
        return new XElement(AtomNames.Sb("Value"),
            new XAttribute(XNamespace.Xmlns + "d6p1", AtomNames.Schema),
            new XAttribute(AtomNames.Instance + "type", "d6p1:" + type),
            text);
    }
}
