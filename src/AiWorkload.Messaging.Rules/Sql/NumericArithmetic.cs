namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Arithmetic in the operands' promoted C# type (<see cref="NumericTypes"/>), with C#'s runtime behaviour in its
/// default unchecked context: Int32, UInt32, Int64 and UInt64 wrap; integer division or remainder by zero fails, as
/// does MinValue / -1, which C# throws on even unchecked; Single and Double follow IEEE; Decimal fails on overflow and
/// on division by zero, as it always does in C#. A result keeps its C# type, so <c>SET r = i1 + i2</c> on two Int32
/// properties stores an Int32.
/// </summary>
internal static class NumericArithmetic
{
    public static SqlValue Apply(ArithmeticOperator op, in SqlValue left, in SqlValue right)
    {
        var leftType = NumericTypes.Of(left);
        var rightType = NumericTypes.Of(right);
        switch (NumericTypes.Promote(leftType, rightType))
        {
            case NumericType.Int32:
            case NumericType.UnsignedToInt32:
                return SqlValue.FromObject(Int32(op, (int)left.Long, (int)right.Long));
            case NumericType.UInt32:
                return SqlValue.FromObject(UInt32(op, (uint)left.Long, (uint)right.Long));
            case NumericType.Int64:
                return SqlValue.FromLong(Int64(op, left.Long, right.Long));
            case NumericType.UInt64:
                var a = NumericTypes.ToUInt64(left);
                var b = NumericTypes.ToUInt64(right);
                return a is null || b is null
                    ? throw new EvaluationFailure(
                        $"operator '{OperatorText.Of(op)}' cannot be applied to operands of type '{NumericTypes.Name(leftType)}' and '{NumericTypes.Name(rightType)}'")
                    : SqlValue.FromObject(UInt64(op, a.Value, b.Value));
            case NumericType.Single:
                return SqlValue.FromObject(Single(op, NumericTypes.ToSingle(left), NumericTypes.ToSingle(right)));
            case NumericType.Decimal:
                return SqlValue.FromObject(Decimal(op, NumericTypes.ToDecimal(left), NumericTypes.ToDecimal(right)));
            default:
                return SqlValue.FromDouble(Double(op, left.Double, right.Double));
        }
    }

    public static long Int64(ArithmeticOperator op, long a, long b)
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

        DivisorIsNotZero(b == 0);
        if (a == long.MinValue && b == -1)
        {
            throw new EvaluationFailure("arithmetic overflow");
        }

        return op == ArithmeticOperator.Divide ? a / b : a % b;
    }

    private static int Int32(ArithmeticOperator op, int a, int b)
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

        DivisorIsNotZero(b == 0);
        if (a == int.MinValue && b == -1)
        {
            throw new EvaluationFailure("arithmetic overflow");
        }

        return op == ArithmeticOperator.Divide ? a / b : a % b;
    }

    private static uint UInt32(ArithmeticOperator op, uint a, uint b)
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

        DivisorIsNotZero(b == 0);
        return op == ArithmeticOperator.Divide ? a / b : a % b;
    }

    private static ulong UInt64(ArithmeticOperator op, ulong a, ulong b)
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

        DivisorIsNotZero(b == 0);
        return op == ArithmeticOperator.Divide ? a / b : a % b;
    }

    private static float Single(ArithmeticOperator op, float a, float b) => op switch
    {
        ArithmeticOperator.Add => a + b,
        ArithmeticOperator.Subtract => a - b,
        ArithmeticOperator.Multiply => a * b,
        ArithmeticOperator.Divide => a / b,
        _ => a % b,
    };

    private static double Double(ArithmeticOperator op, double a, double b) => op switch
    {
        ArithmeticOperator.Add => a + b,
        ArithmeticOperator.Subtract => a - b,
        ArithmeticOperator.Multiply => a * b,
        ArithmeticOperator.Divide => a / b,
        _ => a % b,
    };

    private static decimal Decimal(ArithmeticOperator op, decimal a, decimal b)
    {
        try
        {
            return op switch
            {
                ArithmeticOperator.Add => a + b,
                ArithmeticOperator.Subtract => a - b,
                ArithmeticOperator.Multiply => a * b,
                ArithmeticOperator.Divide => a / b,
                _ => a % b,
            };
        }
        catch (DivideByZeroException e)
        {
            throw new EvaluationFailure("division by zero", e);
        }
        catch (OverflowException e)
        {
            throw new EvaluationFailure("arithmetic overflow", e);
        }
    }

    private static void DivisorIsNotZero(bool zero)
    {
        if (zero)
        {
            throw new EvaluationFailure("division by zero");
        }
    }
}
