using AiWorkload.Messaging.Rules.Sql;

namespace AiWorkload.Messaging.Rules;

/// <summary>
/// A SQL filter (the "SQL filter syntax" reference), parsed and compiled once into closures; evaluating it never
/// touches the text again. Instances are immutable and safe to share between threads.
/// </summary>
public sealed class SqlFilter : RuleFilter
{
    private readonly PredicateEvaluator _evaluate;

    private SqlFilter(string expression, PredicateEvaluator evaluate, Tri? constant)
    {
        Expression = expression;
        _evaluate = evaluate;
        AlwaysMatches = constant == Tri.True;
        NeverMatches = constant is Tri.False or Tri.Unknown;
    }

    /// <summary>
    /// The service's quota on a filter condition string. Enforcing it keeps local rules deployable, and it bounds how
    /// deeply an expression can nest, so parsing and evaluation cannot exhaust the stack.
    /// </summary>
    public const int MaxLength = 1024;

    /// <summary>The expression text as given.</summary>
    public string Expression { get; }

    /// <summary>True for filters such as <c>1=1</c> that match every message without reading it.</summary>
    public bool AlwaysMatches { get; }

    /// <summary>True for filters such as <c>1=0</c> that match no message.</summary>
    public bool NeverMatches { get; }

    /// <exception cref="RuleSyntaxException">The expression is not valid.</exception>
    public static SqlFilter Compile(string expression) => Compile(expression, null);

    /// <param name="expression">The filter text.</param>
    /// <param name="parameters">
    /// Values for <c>@name</c> placeholders, as the SDKs' SqlRuleFilter.Parameters carry them; keys with or without '@'.
    /// </param>
    /// <exception cref="RuleSyntaxException">The expression is not valid.</exception>
    public static SqlFilter Compile(string expression, IReadOnlyDictionary<string, object?>? parameters)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var (root, source) = Parser.ParseFilter(expression, parameters);
        var condition = new ExpressionCompiler(source).CompilePredicate(root);
        return new SqlFilter(expression, condition.Evaluate, condition.IsConstant ? condition.Constant : null);
    }

    public override bool Matches(IRuleMessage message)
    {
        try
        {
            return _evaluate(message) == Tri.True;
        }
        catch (EvaluationFailure failure)
        {
            throw new RuleEvaluationException(Expression, failure.Message, failure);
        }
    }

    public override string ToString() => Expression;
}
