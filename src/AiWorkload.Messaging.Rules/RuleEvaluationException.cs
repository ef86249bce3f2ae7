namespace AiWorkload.Messaging.Rules;

/// <summary>
/// A compiled filter or action failed on a particular message: operands of types that no C# operator binds
/// (string = number), division by zero, a malformed LIKE escape, an unknown system property named at run time.
/// The service surfaces these as filter evaluation exceptions, which dead-letter the message by default.
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    public RuleEvaluationException()
        : this("The rule could not be evaluated.")
    {
    }

    public RuleEvaluationException(string message)
        : base(message)
    {
        Expression = string.Empty;
        Reason = message;
    }

    public RuleEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expression = string.Empty;
        Reason = message;
    }

    public RuleEvaluationException(string expression, string reason, Exception? innerException)
        : base($"Evaluation of '{expression}' failed: {reason}.", innerException)
    {
        Expression = expression;
        Reason = reason;
    }

    public string Expression { get; }

    /// <summary>The failure without the expression, e.g. <c>division by zero</c>.</summary>
    public string Reason { get; }
}
