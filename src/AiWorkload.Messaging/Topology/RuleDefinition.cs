namespace AiWorkload.Messaging.Topology;

/// <summary>A subscription rule: a filter, and optionally a SQL action applied to the copy the rule produces.</summary>
public sealed record RuleDefinition(string Name, RuleFilterDefinition Filter, string? SqlAction = null)
{
    public static RuleDefinition Default { get; } = new(EntityDefaults.DefaultRuleName, TrueFilterDefinition.Instance);

    public static RuleDefinition Sql(string name, string expression, string? action = null) =>
        new(name, new SqlFilterDefinition(expression), action);
}
