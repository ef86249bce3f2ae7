namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Arithmetic with C# binding semantics, as the docs require: Int64 arithmetic wraps (C#'s default unchecked
/// context) but integer division or remainder by zero fails, Double follows IEEE (1.0/0 is infinity),
/// <c>+</c> with a string operand concatenates, and DateTime/TimeSpan support the operators C# defines for them.
/// Unknown in, unknown out, per the docs' unknown-evaluation rules.
/// </summary>
internal static class SqlArithmetic
{
    public static SqlValue Apply(ArithmeticOperator op, in SqlValue left, in SqlValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return SqlValue.Null;
        }

        if (left.Kind == ValueKind.Long && right.Kind == ValueKind.Long)
        {
            return SqlValue.FromLong(Integer(op, left.Long, right.Long));
        }

        if (left.IsNumeric && right.IsNumeric)
        {
            return SqlValue.FromDouble(Real(op, left.Double, right.Double));
        }

        if (op == ArithmeticOperator.Add && (left.Kind == ValueKind.String || right.Kind == ValueKind.String))
        {
            return SqlValue.FromString(string.Concat(left.ToDisplayString(), right.ToDisplayString()));
        }

        if (left.Kind == ValueKind.Other && right.Kind == ValueKind.Other &&
            op is ArithmeticOperator.Add or ArithmeticOperator.Subtract &&
            TryTemporal(op, left.Ref!, right.Ref!, out var temporal))
        {
            return SqlValue.FromOther(temporal);
        }

        throw new EvaluationFailure(
            $"operator '{OperatorText.Of(op)}' cannot be applied to operands of type '{left.TypeName}' and '{right.TypeName}'");
    }

    public static SqlValue Negate(in SqlValue operand) => operand.Kind switch
    {
        ValueKind.Null => SqlValue.Null,
        ValueKind.Long => SqlValue.FromLong(unchecked(-operand.Long)),
        ValueKind.Double => SqlValue.FromDouble(-operand.Double),
        ValueKind.Other when operand.Ref is TimeSpan span => SqlValue.FromOther(Checked(() => span.Negate())),
        _ => throw new EvaluationFailure($"operator '-' cannot be applied to an operand of type '{operand.TypeName}'"),
    };

    public static SqlValue Plus(in SqlValue operand) => operand.Kind switch
    {
        ValueKind.Null => SqlValue.Null,
        ValueKind.Long => SqlValue.FromLong(operand.Long),
        ValueKind.Double => SqlValue.FromDouble(operand.Double),
        ValueKind.Other when operand.Ref is TimeSpan => operand,
        _ => throw new EvaluationFailure($"operator '+' cannot be applied to an operand of type '{operand.TypeName}'"),
    };

    private static long Integer(ArithmeticOperator op, long a, long b)
    {
        switch (op)
        {
            case ArithmeticOperator.Add:
                return unchecked(a + b);
            case ArithmeticOperator.Subtract:
                return unchecked(a - b);
            case ArithmeticOperator.Multiply:
                return unchecked(a * b);
        }

        if (b == 0)
        {
            throw new EvaluationFailure("division by zero");
        }

        // C# throws OverflowException here even in an unchecked context.
        if (a == long.MinValue && b == -1)
        {
            throw new EvaluationFailure("arithmetic overflow");
        }

        return op == ArithmeticOperator.Divide ? a / b : a % b;
    }

    private static double Real(ArithmeticOperator op, double a, double b) => op switch
    {
        ArithmeticOperator.Add => a + b,
        ArithmeticOperator.Subtract => a - b,
        ArithmeticOperator.Multiply => a * b,
        ArithmeticOperator.Divide => a / b,
        _ => a % b,
    };

    private static bool TryTemporal(ArithmeticOperator op, object a, object b, out object result)
    {
        var add = op == ArithmeticOperator.Add;
        object? value = (a, b) switch
        {
            (DateTime x, TimeSpan y) => Checked(() => add ? x + y : x - y),
            (DateTime x, DateTime y) when !add => Checked(() => x - y),
            (DateTimeOffset x, TimeSpan y) => Checked(() => add ? x + y : x - y),
            (DateTimeOffset x, DateTimeOffset y) when !add => Checked(() => x - y),
            (TimeSpan x, TimeSpan y) => Checked(() => add ? x + y : x - y),
            (TimeSpan x, DateTime y) when add => Checked(() => y + x),
            (TimeSpan x, DateTimeOffset y) when add => Checked(() => y + x),
            _ => null,
        };

        result = value!;
        return value is not null;
    }

    private static T Checked<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw new EvaluationFailure("arithmetic overflow", e);
        }
    }
}
