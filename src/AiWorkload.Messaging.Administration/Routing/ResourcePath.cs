using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Administration.Routing;

/// <summary>An administration URL taken apart, with every name checked against the service's naming rules.</summary>
internal sealed record ResourcePath(ResourceKind Kind, string Entity = "", string Subscription = "", string Rule = "")
{
    public static ResourcePath Parse(string rawTarget)
    {
        var rawPath = rawTarget.Split('?', 2)[0];
        var segments = rawPath.Trim('/').Split('/').Select(Decode).ToArray();
        if (segments is ["$namespaceinfo"])
        {
            return new(ResourceKind.Namespace);
        }

        if (segments is ["$Resources", var feed] && (feed.Equals("queues", StringComparison.OrdinalIgnoreCase) || feed.Equals("topics", StringComparison.OrdinalIgnoreCase)))
        {
            return new(feed.Equals("queues", StringComparison.OrdinalIgnoreCase) ? ResourceKind.QueueFeed : ResourceKind.TopicFeed);
        }

        var at = Array.FindIndex(segments, 1, s => s.Equals("Subscriptions", StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            return new(ResourceKind.Entity, Check(string.Join('/', segments), EntityNames.CheckEntityPath, "entity"));
        }

        var topic = Check(string.Join('/', segments[..at]), EntityNames.CheckEntityPath, "topic");
        return segments[(at + 1)..] switch
        {
            [] => new(ResourceKind.SubscriptionFeed, topic),
            [var subscription] => new(ResourceKind.Subscription, topic, Check(subscription, EntityNames.CheckSubscriptionName, "subscription")),
            [var subscription, var rules] when rules.Equals("rules", StringComparison.OrdinalIgnoreCase) =>
                new(ResourceKind.RuleFeed, topic, Check(subscription, EntityNames.CheckSubscriptionName, "subscription")),
            [var subscription, var rules, var rule] when rules.Equals("rules", StringComparison.OrdinalIgnoreCase) =>
                new(ResourceKind.Rule, topic, Check(subscription, EntityNames.CheckSubscriptionName, "subscription"), Check(rule, EntityNames.CheckRuleName, "rule")),
            _ => throw AdministrationException.BadRequest($"'{rawPath}' is not an administration address."),
        };
    }

    /// <summary>
    /// Decodes one raw segment. Dot segments and encoded separators are refused here because the server would otherwise
    /// normalise them away and act on a different entity than the one the client wrote.
    /// </summary>
    private static string Decode(string raw)
    {
        var segment = Uri.UnescapeDataString(raw);
        if (segment is "." or ".." || segment.Contains('/', StringComparison.Ordinal) || segment.Contains('\\', StringComparison.Ordinal) || segment.Contains('%', StringComparison.Ordinal))
        {
            throw AdministrationException.BadRequest($"The address segment '{raw}' is not allowed: names may not contain dot segments, '%', '\\' or encoded '/'.");
        }

        return segment;
    }

    private static string Check(string name, Func<string?, string?> check, string what) =>
        check(name) is { } reason ? throw AdministrationException.BadRequest($"The {what} name '{name}' is invalid: {reason}.") : name;
}
