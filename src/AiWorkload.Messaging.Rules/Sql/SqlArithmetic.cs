namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Arithmetic with C# binding semantics, as the docs require: numbers in their promoted C# type (Int32 + Int32 is an
/// Int32, see <see cref="NumericArithmetic"/>), wrapping as C#'s default unchecked context does, except that integer
/// division or remainder by zero fails; Double follows IEEE (1.0/0 is infinity),
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

        // Constants and earlier results carry no box: the common Int64 case needs no type lookup.
        if (left.Kind == ValueKind.Long && right.Kind == ValueKind.Long && left.Ref is null or long && right.Ref is null or long)
        {
            return SqlValue.FromLong(NumericArithmetic.Integer(op, left.Long, right.Long));
        }

        if (left.IsNumeric && right.IsNumeric)
        {
            return NumericArithmetic.Apply(op, left, right);
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

    /// <summary>C#'s unary minus: small integers become Int32 (wrapping at MinValue), uint becomes Int64, ulong has none.</summary>
    public static SqlValue Negate(in SqlValue operand) => operand.Kind switch
    {
        ValueKind.Null => SqlValue.Null,
        ValueKind.Long or ValueKind.Double => NumericTypes.Of(operand) switch
        {
            NumericType.Int32 or NumericType.UnsignedToInt32 => SqlValue.FromObject(unchecked(-(int)operand.Long)),
            NumericType.UInt32 or NumericType.Int64 => SqlValue.FromLong(unchecked(-operand.Long)),
            NumericType.Single => SqlValue.FromObject(-NumericTypes.ToSingle(operand)),
            NumericType.Decimal => SqlValue.FromObject(-NumericTypes.ToDecimal(operand)),
            NumericType.Double => SqlValue.FromDouble(-operand.Double),
            _ => throw new EvaluationFailure($"operator '-' cannot be applied to an operand of type '{nameof(UInt64)}'"),
        },
        ValueKind.Other when operand.Ref is TimeSpan span => SqlValue.FromOther(Checked(() => span.Negate())),
        _ => throw new EvaluationFailure($"operator '-' cannot be applied to an operand of type '{operand.TypeName}'"),
    };

    /// <summary>C#'s unary plus: the value, with small integers promoted to Int32.</summary>
    public static SqlValue Plus(in SqlValue operand) => operand.Kind switch
    {
        ValueKind.Null => SqlValue.Null,
        ValueKind.Long or ValueKind.Double => NumericTypes.Of(operand) switch
        {
            NumericType.Int32 or NumericType.UnsignedToInt32 => SqlValue.FromObject((int)operand.Long),
            NumericType.Int64 => SqlValue.FromLong(operand.Long),
            NumericType.Double => SqlValue.FromDouble(operand.Double),
            _ => operand,
        },
        ValueKind.Other when operand.Ref is TimeSpan => operand,
        _ => throw new EvaluationFailure($"operator '+' cannot be applied to an operand of type '{operand.TypeName}'"),
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
