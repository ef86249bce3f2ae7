using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Messages;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Messages;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>
/// The four settlements as the Service Bus clients express them, on a link (a disposition's outcome) or through
/// <c>update-disposition</c> (a status word): each becomes the one engine call that carries that semantics.
/// </summary>
internal static class Settlement
{
    public static Task ApplyAsync(EmbeddedServiceBus engine, string entityPath, Guid lockToken, DeliveryState outcome) => outcome switch
    {
        Accepted => engine.CompleteAsync(entityPath, lockToken),
        Modified { UndeliverableHere: true } modified => engine.DeferAsync(entityPath, lockToken, Properties(modified.MessageAnnotations)),
        Modified modified => engine.AbandonAsync(entityPath, lockToken, Properties(modified.MessageAnnotations)),
        Released => engine.ReleaseAsync(entityPath, lockToken),
        Rejected rejected => DeadLetterAsync(engine, entityPath, lockToken, rejected.Error?.Info),
        _ => throw AmqpErrors.NotAllowed($"The outcome {outcome.GetType().Name} does not settle a Service Bus message."),
    };

    public static Task ApplyAsync(
        EmbeddedServiceBus engine, string entityPath, Guid lockToken, string status, string? reason, string? description, IReadOnlyDictionary<string, object?>? properties) =>
        status switch
        {
            "completed" => engine.CompleteAsync(entityPath, lockToken),
            "abandoned" => engine.AbandonAsync(entityPath, lockToken, properties),
            "defered" or "deferred" => engine.DeferAsync(entityPath, lockToken, properties),
            "suspended" => engine.DeadLetterAsync(entityPath, lockToken, reason, description, properties),
            _ => throw AmqpErrors.Argument($"Unknown disposition-status '{status}': expected completed, abandoned, defered or suspended."),
        };

    private static Task DeadLetterAsync(EmbeddedServiceBus engine, string entityPath, Guid lockToken, Fields? info)
    {
        var properties = Properties(info) ?? new Dictionary<string, object?>();
        var reason = Take(properties, DeadLetterProperties.Reason);
        var description = Take(properties, DeadLetterProperties.ErrorDescription);
        return engine.DeadLetterAsync(entityPath, lockToken, reason, description, properties.Count > 0 ? properties : null);
    }

    private static string? Take(Dictionary<string, object?> properties, string name) =>
        properties.Remove(name, out var value) ? value as string : null;

    public static Dictionary<string, object?>? Properties(IEnumerable<KeyValuePair<MapKey, object>>? map)
    {
        if (map is null || !map.Any())
        {
            return null;
        }

        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            properties[KeyText(key)] = PropertyValues.FromAmqp(value);
        }

        return properties;
    }

    private static string KeyText(MapKey key) => key.Key is AmqpSymbol symbol ? symbol.Value : key.Key?.ToString() ?? "";
}
