namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Raised by operators, which do not know the expression text; <see cref="SqlFilter"/> and <see cref="SqlRuleAction"/>
/// rewrap it as a <see cref="RuleEvaluationException"/> that names the expression.
/// </summary>
internal sealed class EvaluationFailure : Exception
{
    public EvaluationFailure()
    {
    }

    public EvaluationFailure(string message)
        : base(message)
    {
    }

    public EvaluationFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
