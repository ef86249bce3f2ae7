namespace AiWorkload.Messaging.Rules;

/// <summary>Matches no message; equivalent to the SQL filter <c>1=0</c>.</summary>
public sealed class FalseFilter : RuleFilter
{
    public static FalseFilter Instance { get; } = new();

    private FalseFilter()
    {
    }

    /// <summary>The SQL text the service reports for this filter.</summary>
    public string Expression { get; } = "1=0";

    public override bool Matches(IRuleMessage message) => false;

    public override string ToString() => Expression;
}
