using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Administration.Feeds;

namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>
/// Walks a description's elements with one handler per property. Order is not enforced (the SDK always sends the service's
/// order); unknown elements and settings the engine cannot honour are refused by name, read-only ones are ignored.
/// </summary>
internal static class DescriptionReader
{
    /// <summary>Runtime values the service sends in descriptions; a client that echoes them back is not asking for anything.</summary>
    private static readonly HashSet<string> ReadOnly = new(StringComparer.Ordinal)
    {
        "AccessedAt", "CreatedAt", "UpdatedAt", "MessageCount", "SizeInBytes", "CountDetails", "SubscriptionCount",
        "EntityAvailabilityStatus", "SkippedUpdate",
    };

    public static T Read<T>(XElement description, T initial, IReadOnlyDictionary<string, Func<T, XElement, T>> handlers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var value = initial;
        foreach (var element in description.Elements())
        {
            var name = element.Name.LocalName;
            if (element.Name.Namespace != AtomNames.ServiceBus)
            {
                throw AdministrationException.BadRequest($"{description.Name.LocalName}: element '{element.Name}' is not in namespace {AtomNames.ServiceBus}.");
            }

            if (!seen.Add(name))
            {
                throw AdministrationException.BadRequest($"{description.Name.LocalName} property '{name}' is given twice.");
            }

            if (handlers.TryGetValue(name, out var handler))
            {
                value = handler(value, element);
            }
            else if (!ReadOnly.Contains(name))
            {
                throw AdministrationException.BadRequest($"{description.Name.LocalName} has an unknown element '{name}'.");
            }
        }

        return value;
    }

    /// <summary>Accepts a setting only at the value the engine behaves as; any other value is a 400 naming it.</summary>
    public static Func<T, XElement, T> Only<T>(string expected, string why) => (value, element) =>
        string.Equals(element.Value.Trim(), expected, StringComparison.OrdinalIgnoreCase)
            ? value
            : throw AdministrationException.Unsupported(element.Parent!.Name.LocalName, element.Name.LocalName, $"only {expected} is supported ({why})");

    /// <summary>A hint with no observable effect on the engine (batched store operations): any valid value is fine.</summary>
    public static Func<T, XElement, T> Hint<T>() => (value, element) =>
    {
        _ = XmlValues.Boolean(element);
        return value;
    };

    public static Func<T, XElement, T> NoAutoDelete<T>() => (value, element) =>
        XmlValues.Duration(element) == TimeSpan.MaxValue
            ? value
            : throw AdministrationException.Unsupported(element.Parent!.Name.LocalName, element.Name.LocalName, "entities are never deleted when idle");

    public static Func<T, XElement, T> NoAuthorizationRules<T>() => (value, element) =>
        element.HasElements
            ? throw AdministrationException.Unsupported(element.Parent!.Name.LocalName, element.Name.LocalName, "keys are configured on the host (ServiceBus:Amqp:Keys), not per entity")
            : value;

    public static Func<T, XElement, T> NoUserMetadata<T>() => (value, element) =>
        element.Value.Length == 0
            ? value
            : throw AdministrationException.Unsupported(element.Parent!.Name.LocalName, element.Name.LocalName, "the engine's entity definitions have no place to keep it");

    public static Func<T, XElement, T> MaxMessageSize<T>(int engineMaxBytes) => (value, element) =>
        XmlValues.Int64(element) == engineMaxBytes / 1024
            ? value
            : throw AdministrationException.Unsupported(element.Parent!.Name.LocalName, element.Name.LocalName, $"the message size limit is the host's, {engineMaxBytes / 1024} KB");
}
