using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Standalone;

/// <summary>Checks that a user-supplied topology still has every queue, topic and subscription the product sends to or reads from.</summary>
internal static class TopologyRequirements
{
    public static IReadOnlyList<string> MissingEntities(TopologyModel candidate, TopologyModel required)
    {
        var present = new HashSet<string>(
            candidate.Queues.Select(q => q.Name)
                .Concat(candidate.Topics.Select(t => t.Name))
                .Concat(candidate.Topics.SelectMany(t => t.Subscriptions.Select(s => EntityPaths.Subscription(t.Name, s.Name)))),
            StringComparer.OrdinalIgnoreCase);
        return [.. required.Queues.Select(q => q.Name)
            .Concat(required.Topics.Select(t => t.Name))
            .Concat(required.Topics.SelectMany(t => t.Subscriptions.Select(s => EntityPaths.Subscription(t.Name, s.Name))))
            .Where(name => !present.Contains(name))];
    }
}
