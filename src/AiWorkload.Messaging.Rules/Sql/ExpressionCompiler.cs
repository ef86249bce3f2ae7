using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Turns syntax trees into closures, once per rule. Constant sub-trees are folded at compile time (so <c>1=1</c>
/// costs nothing per message), and the shapes that dominate real rules, property = 'constant' above all, get
/// dedicated closures that skip the generic operand plumbing.
/// </summary>
internal sealed partial class ExpressionCompiler(SourceText source)
{
    public Operand CompileValue(SyntaxNode node) => node switch
    {
        LiteralNode literal => Operand.Const(literal.Value),
        PropertyNode property => CompileProperty(property),
        NewIdNode => Operand.Dynamic(static _ => SqlValue.FromOther(Guid.NewGuid())),
        PropertyFunctionNode function => CompilePropertyFunction(function),
        UnaryNode unary => CompileUnary(unary),
        ArithmeticNode arithmetic => CompileArithmetic(arithmetic),
        _ => throw new InvalidOperationException($"{node.GetType().Name} is not an expression."),
    };

    private static Operand CompileProperty(PropertyNode property)
    {
        var name = property.Name;
        ValueEvaluator read = property.Scope == PropertyScope.System
            ? m => PropertyAccess.ReadSystem(m, name)
            : m => PropertyAccess.ReadUser(m, name);
        return new Operand(read, false, default, property);
    }

    private Operand CompilePropertyFunction(PropertyFunctionNode function)
    {
        var argument = CompileValue(function.Argument);
        if (!argument.IsConstant)
        {
            var name = argument.Evaluate;
            return Operand.Dynamic(m => PropertyAccess.ReadByName(m, name(m)));
        }

        var constant = argument.Constant;
        if (constant.IsNull)
        {
            return Operand.Const(SqlValue.Null);
        }

        if (constant.Kind != ValueKind.String)
        {
            throw source.Error(function.Argument.StartToken, "a String property name");
        }

        // A constant name is resolved now, so p('sys.Nope') fails at creation like sys.Nope does.
        if (!PropertyAccess.TryResolve(constant.String, out var isSystem, out var resolved))
        {
            throw source.Error(function.Argument.StartToken, "the name of a system property after 'sys.'");
        }

        return CompileProperty(new PropertyNode(isSystem ? PropertyScope.System : PropertyScope.User, resolved, function.Argument.StartToken));
    }

    private Operand CompileUnary(UnaryNode unary)
    {
        var operand = CompileValue(unary.Operand);
        var evaluate = operand.Evaluate;
        ValueEvaluator result = unary.Negate
            ? m => SqlArithmetic.Negate(evaluate(m))
            : m => SqlArithmetic.Plus(evaluate(m));
        return Fold(result, operand.IsConstant);
    }

    private Operand CompileArithmetic(ArithmeticNode node)
    {
        var left = CompileValue(node.Left);
        var right = CompileValue(node.Right);
        var op = node.Operator;
        var l = left.Evaluate;
        var r = right.Evaluate;
        if (right.IsConstant)
        {
            var c = right.Constant;
            return Fold(m => SqlArithmetic.Apply(op, l(m), c), left.IsConstant);
        }

        return Fold(m => SqlArithmetic.Apply(op, l(m), r(m)), left.IsConstant && right.IsConstant);
    }

    // Constant inputs give a constant result unless evaluating it fails: then the failure is left for run time,
    // where it surfaces as an evaluation error exactly as it would with non-constant inputs.
    private static Operand Fold(ValueEvaluator evaluate, bool constantInputs)
    {
        if (constantInputs)
        {
            try
            {
                return Operand.Const(evaluate(null!));
            }
            catch (EvaluationFailure)
            {
            }
        }

        return Operand.Dynamic(evaluate);
    }

    private static Condition Fold(PredicateEvaluator evaluate, bool constantInputs)
    {
        if (constantInputs)
        {
            try
            {
                return Condition.Const(evaluate(null!));
            }
            catch (EvaluationFailure)
            {
            }
        }

        return Condition.Dynamic(evaluate);
    }
}
