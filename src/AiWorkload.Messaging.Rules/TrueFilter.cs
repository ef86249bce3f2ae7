namespace AiWorkload.Messaging.Rules;

/// <summary>Matches every message; the service's <c>$Default</c> rule and the SQL filter <c>1=1</c>.</summary>
public sealed class TrueFilter : RuleFilter
{
    public static TrueFilter Instance { get; } = new();

    private TrueFilter()
    {
    }

    /// <summary>The SQL text the service reports for this filter.</summary>
    public string Expression { get; } = "1=1";

    public override bool Matches(IRuleMessage message) => true;

    public override string ToString() => Expression;
}
