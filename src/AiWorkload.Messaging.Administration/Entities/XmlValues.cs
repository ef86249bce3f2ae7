using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Errors;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>Element values in the service's encodings (xs:duration, xs:boolean, integers), with errors that name the property.</summary>
internal static class XmlValues
{
    public static TimeSpan Duration(XElement element) =>
        Parse(element, XmlConvert.ToTimeSpan, "an xs:duration such as PT1M");

    public static bool Boolean(XElement element) =>
        Parse(element, XmlConvert.ToBoolean, "true or false");

    public static int Int32(XElement element) =>
        Parse(element, v => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture), "an integer");

    public static long Int64(XElement element) =>
        Parse(element, v => long.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture), "an integer");

    public static string Text(bool value) => XmlConvert.ToString(value);

    public static string Text(TimeSpan value) => XmlConvert.ToString(value);

    public static string Text(DateTimeOffset value) => XmlConvert.ToString(value.ToUniversalTime());

    public static string Text(long value) => XmlConvert.ToString(value);

    /// <summary>
    /// The SDK sends ForwardTo as an absolute address (http://namespace/target); the engine keeps the entity name.
    /// </summary>
    public static string? EntityName(XElement element)
    {
        var value = element.Value.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? Uri.UnescapeDataString(uri.AbsolutePath).Trim('/')
            : value;
    }

    /// <summary>The address the SDK itself would send for a forwarding target, so a read-modify-update round trip is stable.</summary>
    public static string ForwardAddress(string host, string entity) => new Uri(new Uri($"http://{host}/"), entity).AbsoluteUri;

    private static T Parse<T>(XElement element, Func<string, T> parse, string expected)
    {
        try
        {
            return parse(element.Value.Trim());
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            throw AdministrationException.BadRequest($"{element.Parent?.Name.LocalName} property '{element.Name.LocalName}': '{element.Value}' is not {expected}.");
        }
    }
}
