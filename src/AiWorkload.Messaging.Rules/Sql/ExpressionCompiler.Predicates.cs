using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

internal sealed partial class ExpressionCompiler
{
    // Beyond this many constants a hash set beats a linear scan of ordinal comparisons.
    private const int HashSetThreshold = 8;

    public Condition CompilePredicate(SyntaxNode node) => node switch
    {
        ComparisonNode comparison => CompileComparison(comparison),
        LogicalNode logical => CompileLogical(logical),
        NotNode not => CompileNot(not),
        IsNullNode isNull => CompileIsNull(isNull),
        InNode inNode => CompileIn(inNode),
        LikeNode like => CompileLike(like),
        ExistsNode exists => CompileExists(exists),
        _ => throw new InvalidOperationException($"{node.GetType().Name} is not a predicate."),
    };

    private Condition CompileComparison(ComparisonNode node)
    {
        var left = CompileValue(node.Left);
        var right = CompileValue(node.Right);
        var op = node.Operator;
        var l = left.Evaluate;
        var r = right.Evaluate;
        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            if (right.IsConstant && left.Property is { } property && right.Constant.Kind == ValueKind.String)
            {
                return Condition.Dynamic(PropertyEqualsString(property, right.Constant, op, constantFirst: false));
            }

            if (left.IsConstant && right.Property is { } mirrored && left.Constant.Kind == ValueKind.String)
            {
                return Condition.Dynamic(PropertyEqualsString(mirrored, left.Constant, op, constantFirst: true));
            }
        }

        if (right.IsConstant)
        {
            var c = right.Constant;
            return Fold(m => SqlComparison.Compare(op, l(m), c), left.IsConstant);
        }

        if (left.IsConstant)
        {
            var c = left.Constant;
            return Condition.Dynamic(m => SqlComparison.Compare(op, c, r(m)));
        }

        return Condition.Dynamic(m => SqlComparison.Compare(op, l(m), r(m)));
    }

    // The hot path of typical subscriptions: no SqlValue for the property unless it is not a string, in which case
    // the generic comparison (in source order, for its error message) decides.
    private static PredicateEvaluator PropertyEqualsString(
        PropertyNode property, SqlValue constant, ComparisonOperator op, bool constantFirst)
    {
        var name = property.Name;
        var expected = constant.String;
        var negate = op == ComparisonOperator.NotEqual;
        if (property.Scope == PropertyScope.System)
        {
            return m => m.GetSystemProperty(name) switch
            {
                string s => string.Equals(s, expected, StringComparison.Ordinal) != negate ? Tri.True : Tri.False,
                var other => Generic(other),
            };
        }

        return m =>
        {
            if (!m.TryGetApplicationProperty(name, out var value))
            {
                return Tri.Unknown;
            }

            return value is string s
                ? string.Equals(s, expected, StringComparison.Ordinal) != negate ? Tri.True : Tri.False
                : Generic(value);
        };

        Tri Generic(object? value) => constantFirst
            ? SqlComparison.Compare(op, constant, SqlValue.FromObject(value))
            : SqlComparison.Compare(op, SqlValue.FromObject(value), constant);
    }

    private Condition CompileLogical(LogicalNode node)
    {
        var left = CompilePredicate(node.Left);
        var right = CompilePredicate(node.Right);
        var dominant = node.IsAnd ? Tri.False : Tri.True;

        // Folding keeps the run-time order: a deciding constant on the left skips the right side as the short-circuit
        // would, and an identity constant on the right (x AND TRUE, x OR FALSE) leaves x unchanged in all three values.
        // "x AND FALSE" is not folded, since x is evaluated first and may fail.
        if (left.IsConstant && left.Constant == dominant)
        {
            return Condition.Const(dominant);
        }

        if (right.IsConstant && !left.IsConstant && right.Constant == TriLogic.Not(dominant))
        {
            return left;
        }

        var l = left.Evaluate;
        var r = right.Evaluate;

        // Short-circuits: false AND x is false and true OR x is true whatever x is, so x is not evaluated
        // (and cannot fail) then.
        PredicateEvaluator evaluate = node.IsAnd
            ? m =>
            {
                var a = l(m);
                if (a == Tri.False)
                {
                    return Tri.False;
                }

                var b = r(m);
                return b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;
            }
            : m =>
            {
                var a = l(m);
                if (a == Tri.True)
                {
                    return Tri.True;
                }

                var b = r(m);
                return b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;
            };
        return Fold(evaluate, left.IsConstant && right.IsConstant);
    }

    private Condition CompileNot(NotNode node)
    {
        var operand = CompilePredicate(node.Operand);
        var evaluate = operand.Evaluate;
        return Fold(m => TriLogic.Not(evaluate(m)), operand.IsConstant);
    }

    // IS NULL is true for a missing property and for one whose value is null (docs, "IS [NOT] NULL semantics").
    private Condition CompileIsNull(IsNullNode node)
    {
        var operand = CompileValue(node.Operand);
        var negated = node.Negated;
        if (operand.Property is { Scope: PropertyScope.User, Name: var name })
        {
            return Condition.Dynamic(m =>
                (!m.TryGetApplicationProperty(name, out var value) || value is null) != negated ? Tri.True : Tri.False);
        }

        var evaluate = operand.Evaluate;
        return Fold(m => evaluate(m).IsNull != negated ? Tri.True : Tri.False, operand.IsConstant);
    }

    // EXISTS asks whether the property is there at all; a user property holding null exists. A system property
    // always "exists" as a member, so for sys. we answer whether the message has a value for it.
    private static Condition CompileExists(ExistsNode node)
    {
        var name = node.Property.Name;
        return node.Property.Scope == PropertyScope.System
            ? Condition.Dynamic(m => m.GetSystemProperty(name) is not null ? Tri.True : Tri.False)
            : Condition.Dynamic(m => m.TryGetApplicationProperty(name, out _) ? Tri.True : Tri.False);
    }
}
