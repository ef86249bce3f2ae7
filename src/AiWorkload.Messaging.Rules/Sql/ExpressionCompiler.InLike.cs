using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

internal sealed partial class ExpressionCompiler
{
    /// <summary>
    /// <c>x [NOT] IN (a, b, ...)</c> is x = a OR x = b ..., with the same binding rules as <c>=</c>. The docs only
    /// make an unknown left operand yield unknown; NULL list items are simply never equal, so <c>x NOT IN ('a', NULL)</c>
    /// is true for 'b' (SQL-92 would say unknown; the docs single out the left operand, so we follow them).
    /// </summary>
    private Condition CompileIn(InNode node)
    {
        var operand = CompileValue(node.Operand);
        var items = node.Items.Select(CompileValue).ToArray();
        var negated = node.Negated;
        var hit = negated ? Tri.False : Tri.True;
        var miss = negated ? Tri.True : Tri.False;
        var evaluate = operand.Evaluate;

        if (items.All(i => i.IsConstant))
        {
            var constants = items.Select(i => i.Constant).Where(c => !c.IsNull).ToArray();
            if (constants.Length > 0 && constants.All(c => c.Kind == ValueKind.String))
            {
                var strings = constants.Select(c => c.String).ToArray();
                var set = strings.Length >= HashSetThreshold ? new HashSet<string>(strings, StringComparer.Ordinal) : null;
                return Fold(
                    m =>
                    {
                        var value = evaluate(m);
                        if (value.IsNull)
                        {
                            return Tri.Unknown;
                        }

                        if (value.Kind != ValueKind.String)
                        {
                            return AnyEqual(value, constants) ? hit : miss;
                        }

                        var s = value.String;
                        return (set?.Contains(s) ?? Array.IndexOf(strings, s) >= 0) ? hit : miss;
                    },
                    operand.IsConstant);
            }

            return Fold(m => evaluate(m) is { IsNull: false } v ? AnyEqual(v, constants) ? hit : miss : Tri.Unknown, operand.IsConstant);
        }

        var evaluators = items.Select(i => i.Evaluate).ToArray();
        return Condition.Dynamic(m =>
        {
            var value = evaluate(m);
            if (value.IsNull)
            {
                return Tri.Unknown;
            }

            foreach (var item in evaluators)
            {
                var candidate = item(m);
                if (!candidate.IsNull && SqlComparison.AreEqual(value, candidate))
                {
                    return hit;
                }
            }

            return miss;
        });
    }

    private static bool AnyEqual(in SqlValue value, SqlValue[] constants)
    {
        foreach (var constant in constants)
        {
            if (SqlComparison.AreEqual(value, constant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>x [NOT] LIKE pattern [ESCAPE c]</c>. Unknown in any operand gives unknown (docs). The pattern must be a
    /// string and the escape a one-character string (docs); breaking that is a syntax error when they are constants
    /// and an evaluation error otherwise. A non-string x is unknown rather than an error: LIKE is only defined on
    /// strings, and treating other values as "not comparable" keeps numeric properties from dead-lettering messages.
    /// </summary>
    private Condition CompileLike(LikeNode node)
    {
        var operand = CompileValue(node.Operand);
        var pattern = CompileValue(node.Pattern);
        var escape = node.Escape is null ? Operand.Const(SqlValue.Null) : CompileValue(node.Escape);
        var negated = node.Negated;
        var evaluate = operand.Evaluate;

        if (pattern.IsConstant && escape.IsConstant)
        {
            var compiled = CompileConstantPattern(node, pattern.Constant, escape.Constant);
            if (compiled is null)
            {
                return Condition.Const(Tri.Unknown);
            }

            return Fold(
                m => evaluate(m) is { Kind: ValueKind.String } v ? compiled.IsMatch(v.String) != negated ? Tri.True : Tri.False : Tri.Unknown,
                operand.IsConstant);
        }

        var patternEvaluator = pattern.Evaluate;
        var escapeEvaluator = escape.Evaluate;
        var hasEscape = node.Escape is not null;
        var cache = new LikePatternCache();
        return Condition.Dynamic(m =>
        {
            var value = evaluate(m);
            var p = patternEvaluator(m);
            var e = escapeEvaluator(m);
            if (value.IsNull || p.IsNull || (hasEscape && e.IsNull))
            {
                return Tri.Unknown;
            }

            var like = cache.Get(ToPattern(p), hasEscape ? ToEscape(e) : null);
            return value.Kind == ValueKind.String ? like.IsMatch(value.String) != negated ? Tri.True : Tri.False : Tri.Unknown;
        });
    }

    private LikePattern? CompileConstantPattern(LikeNode node, SqlValue pattern, SqlValue escape)
    {
        if (pattern.IsNull || (node.Escape is not null && escape.IsNull))
        {
            return null;
        }

        if (pattern.Kind != ValueKind.String)
        {
            throw source.Error(node.Pattern.StartToken, "a String pattern");
        }

        char? escapeChar = null;
        if (node.Escape is not null)
        {
            if (escape.Kind != ValueKind.String || escape.String.Length != 1)
            {
                throw source.Error(node.Escape.StartToken, "a one-character String escape");
            }

            escapeChar = escape.String[0];
        }

        try
        {
            return LikePattern.Compile(pattern.String, escapeChar);
        }
        catch (EvaluationFailure)
        {
            throw source.Error(node.Pattern.StartToken, "a pattern that does not end with its escape character");
        }
    }

    private static string ToPattern(in SqlValue pattern) => pattern.Kind == ValueKind.String
        ? pattern.String
        : throw new EvaluationFailure($"the LIKE pattern must be a String but is of type '{pattern.TypeName}'");

    private static char ToEscape(in SqlValue escape) => escape is { Kind: ValueKind.String, String.Length: 1 }
        ? escape.String[0]
        : throw new EvaluationFailure("the LIKE escape must be a String of length 1");
}
