namespace AiWorkload.Messaging.Rules;

/// <summary>
/// A filter or action expression that cannot be compiled. The service rejects such rules when they are created,
/// so this is raised by <see cref="SqlFilter.Compile(string)"/> and <see cref="SqlRuleAction.Compile(string)"/>,
/// never while messages flow.
/// </summary>
public sealed class RuleSyntaxException : FormatException
{
    public RuleSyntaxException()
        : this("The rule expression is not valid.")
    {
    }

    public RuleSyntaxException(string message)
        : base(message)
    {
        Expression = string.Empty;
        Position = -1;
        Expected = string.Empty;
        Found = string.Empty;
    }

    public RuleSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expression = string.Empty;
        Position = -1;
        Expected = string.Empty;
        Found = string.Empty;
    }

    /// <param name="expression">The whole expression text.</param>
    /// <param name="position">0-based character index of the offending token.</param>
    /// <param name="expected">What the parser wanted there, e.g. <c>')'</c> or <c>an expression</c>.</param>
    /// <param name="found">What it found, already quoted, e.g. <c>'='</c> or <c>end of expression</c>.</param>
    public RuleSyntaxException(string expression, int position, string expected, string found)
        : base($"Syntax error at position {position} in '{expression}': expected {expected} but found {found}.")
    {
        Expression = expression;
        Position = position;
        Expected = expected;
        Found = found;
    }

    public string Expression { get; }

    /// <summary>0-based character index into <see cref="Expression"/>; -1 when unknown.</summary>
    public int Position { get; }

    public string Expected { get; }

    public string Found { get; }
}
