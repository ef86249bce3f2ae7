using AiWorkload.Messaging.Rules.Sql;

namespace AiWorkload.Messaging.Rules;

/// <summary>
/// A SQL rule action (the "SQL rule action syntax" reference): <c>SET</c> and <c>REMOVE</c> statements, separated by
/// optional semicolons, compiled once. Statements run in order, so later ones see earlier ones' effects.
/// </summary>
/// <remarks>
/// An action is not transactional: if a statement fails, earlier statements have already changed the message.
/// The engine applies actions to the subscription's own copy, which it discards when the action fails.
/// </remarks>
public sealed class SqlRuleAction
{
    private readonly Action<IRuleMessage>[] _statements;

    private SqlRuleAction(string expression, Action<IRuleMessage>[] statements)
    {
        Expression = expression;
        _statements = statements;
    }

    /// <summary>The service's quota on a rule action string.</summary>
    public const int MaxLength = 1024;

    /// <summary>The service's quota on expressions (statements) per rule action.</summary>
    public const int MaxStatements = 32;

    public string Expression { get; }

    /// <exception cref="RuleSyntaxException">The action is not valid.</exception>
    public static SqlRuleAction Compile(string expression) => Compile(expression, null);

    /// <exception cref="RuleSyntaxException">The action is not valid.</exception>
    public static SqlRuleAction Compile(string expression, IReadOnlyDictionary<string, object?>? parameters)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var (statements, source) = Parser.ParseAction(expression, parameters);
        var compiler = new ActionCompiler(source);
        return new SqlRuleAction(expression, [.. statements.Select(compiler.Compile)]);
    }

    /// <exception cref="RuleEvaluationException">A statement failed, e.g. a type error or division by zero.</exception>
    public void Apply(IRuleMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            foreach (var statement in _statements)
            {
                statement(message);
            }
        }
        catch (EvaluationFailure failure)
        {
            throw new RuleEvaluationException(Expression, failure.Message, failure);
        }
    }

    public override string ToString() => Expression;
}
