namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Comparison semantics. The docs say comparisons "follow the same semantics as the C# operator binding in data type
/// promotions and implicit conversions", so:
/// <list type="bullet">
/// <item>NULL (unknown) on either side gives unknown, including <c>x = NULL</c> (use IS NULL).</item>
/// <item>Numbers promote Int64 to Double, as C# does.</item>
/// <item>Strings compare ordinally and case-sensitively, as C# <c>==</c> does. C# has no <c>&lt;</c> on strings;
/// we order them ordinally rather than fail, because SQL-92 orders character strings and the grammar allows it.</item>
/// <item>Booleans support only = and &lt;&gt; (C# defines no ordering on bool).</item>
/// <item>Guid, DateTime, DateTimeOffset, TimeSpan compare with values of their own type (DateTime converts to
/// DateTimeOffset, the one implicit conversion C# has among them).</item>
/// <item>Anything else (string = number, bool = number, Guid = string ...) is a binding error in C#, so it is an
/// evaluation error here rather than a silent false.</item>
/// </list>
/// </summary>
internal static class SqlComparison
{
    public static Tri Compare(ComparisonOperator op, in SqlValue left, in SqlValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return Tri.Unknown;
        }

        if (left.Kind == ValueKind.Long && right.Kind == ValueKind.Long)
        {
            return TriLogic.From(Apply(op, left.Long.CompareTo(right.Long)));
        }

        if (left.IsNumeric && right.IsNumeric)
        {
            return TriLogic.From(CompareDoubles(op, left.Double, right.Double));
        }

        if (left.Kind == ValueKind.String && right.Kind == ValueKind.String)
        {
            return op switch
            {
                ComparisonOperator.Equal => TriLogic.From(string.Equals(left.String, right.String, StringComparison.Ordinal)),
                ComparisonOperator.NotEqual => TriLogic.From(!string.Equals(left.String, right.String, StringComparison.Ordinal)),
                _ => TriLogic.From(Apply(op, string.CompareOrdinal(left.String, right.String))),
            };
        }

        if (left.Kind == ValueKind.Bool && right.Kind == ValueKind.Bool)
        {
            return op switch
            {
                ComparisonOperator.Equal => TriLogic.From(left.Bool == right.Bool),
                ComparisonOperator.NotEqual => TriLogic.From(left.Bool != right.Bool),
                _ => throw Mismatch(op, left, right),
            };
        }

        if (left.Kind == ValueKind.Other && right.Kind == ValueKind.Other)
        {
            return CompareObjects(op, left, right);
        }

        throw Mismatch(op, left, right);
    }

    /// <summary>Equality used by IN lists; same binding rules as <c>=</c>.</summary>
    public static bool AreEqual(in SqlValue left, in SqlValue right) =>
        Compare(ComparisonOperator.Equal, left, right) == Tri.True;

    private static Tri CompareObjects(ComparisonOperator op, in SqlValue left, in SqlValue right)
    {
        var a = left.Ref!;
        var b = right.Ref!;
        if (a is DateTime dt && b is DateTimeOffset)
        {
            a = new DateTimeOffset(dt);
        }
        else if (a is DateTimeOffset && b is DateTime dt2)
        {
            b = new DateTimeOffset(dt2);
        }

        if (a.GetType() != b.GetType())
        {
            throw Mismatch(op, left, right);
        }

        if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            var equal = a is byte[] x ? x.AsSpan().SequenceEqual((byte[])b) : a.Equals(b);
            return TriLogic.From(equal == (op == ComparisonOperator.Equal));
        }

        if (a is IComparable comparable)
        {
            return TriLogic.From(Apply(op, comparable.CompareTo(b)));
        }

        throw Mismatch(op, left, right);
    }

    private static bool Apply(ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order > 0,
        _ => order >= 0,
    };

    // IEEE operators, not CompareTo, so NaN compares unequal to everything as it does in C#.
    private static bool CompareDoubles(ComparisonOperator op, double a, double b) => op switch
    {
        ComparisonOperator.Equal => a == b,
        ComparisonOperator.NotEqual => a != b,
        ComparisonOperator.Less => a < b,
        ComparisonOperator.LessOrEqual => a <= b,
        ComparisonOperator.Greater => a > b,
        _ => a >= b,
    };

    private static EvaluationFailure Mismatch(ComparisonOperator op, in SqlValue left, in SqlValue right) =>
        new($"operator '{OperatorText.Of(op)}' cannot be applied to operands of type '{left.TypeName}' and '{right.TypeName}'");
}
