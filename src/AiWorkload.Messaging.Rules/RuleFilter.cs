namespace AiWorkload.Messaging.Rules;

/// <summary>A subscription rule's filter.</summary>
public abstract class RuleFilter
{
    /// <summary>
    /// True when the message matches. A condition that evaluates to unknown (SQL NULL) does not match.
    /// Evaluation errors throw <see cref="RuleEvaluationException"/>, which the engine turns into a dead-lettering
    /// when DeadLetteringOnFilterEvaluationExceptions is set.
    /// </summary>
    public abstract bool Matches(IRuleMessage message);
}
