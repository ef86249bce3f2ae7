namespace AiWorkload.Messaging.Rules.Tests;

public enum Expect
{
    Match,
    NoMatch,

    /// <summary>Compiles, but evaluating against the message throws <see cref="RuleEvaluationException"/>.</summary>
    EvaluationError,

    /// <summary>Compiling throws <see cref="RuleSyntaxException"/>.</summary>
    SyntaxError,
}
