using AiWorkload.Messaging.Rules.Sql;

namespace AiWorkload.Messaging.Rules;

/// <summary>
/// A correlation filter: exact, case-sensitive equality on each property that is set, all ANDed. Cheaper than SQL
/// and never an evaluation error: a value of another type simply does not match.
/// </summary>
/// <remarks>
/// A property left null is not part of the filter. The filter needs at least one property (the emulator's config
/// schema requires one); an empty filter throws <see cref="ArgumentException"/> from <see cref="Validate"/> or the
/// first <see cref="Matches"/>. The properties are read once, on that first use.
/// </remarks>
public sealed class CorrelationFilter : RuleFilter
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    private CorrelationPlan? _plan;

    public string? CorrelationId { get; init; }

    public string? MessageId { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    /// <summary>The message subject, <c>sys.Label</c> in SQL.</summary>
    public string? Subject { get; init; }

    public string? SessionId { get; init; }

    public string? ReplyToSessionId { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Application properties to match; names match case-insensitively, values exactly.</summary>
    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; } = NoProperties;

    /// <exception cref="ArgumentException">No property is set.</exception>
    public void Validate() => _ = Plan;

    public override bool Matches(IRuleMessage message) => Plan.Matches(message);

    public override string ToString() => Plan.Describe();

    // Init-only properties are final once construction ends, so building the plan lazily races benignly.
    private CorrelationPlan Plan => _plan ??= CorrelationPlan.Build(
        [
            (SystemProperties.CorrelationId, CorrelationId),
            (SystemProperties.MessageId, MessageId),
            (SystemProperties.To, To),
            (SystemProperties.ReplyTo, ReplyTo),
            (SystemProperties.Label, Subject),
            (SystemProperties.SessionId, SessionId),
            (SystemProperties.ReplyToSessionId, ReplyToSessionId),
            (SystemProperties.ContentType, ContentType),
        ],
        ApplicationProperties);
}
