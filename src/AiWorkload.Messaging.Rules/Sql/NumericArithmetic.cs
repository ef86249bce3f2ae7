using System.Numerics;

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
                return SqlValue.FromObject(Integer(op, (int)left.Long, (int)right.Long));
            case NumericType.UInt32:
                return SqlValue.FromObject(Integer(op, (uint)left.Long, (uint)right.Long));
            case NumericType.Int64:
                return SqlValue.FromLong(Integer(op, left.Long, right.Long));
            case NumericType.UInt64:
                var a = NumericTypes.ToUInt64(left);
                var b = NumericTypes.ToUInt64(right);
                return a is null || b is null
                    ? throw new EvaluationFailure(
                        $"operator '{OperatorText.Of(op)}' cannot be applied to operands of type '{NumericTypes.Name(leftType)}' and '{NumericTypes.Name(rightType)}'")
                    : SqlValue.FromObject(Integer(op, a.Value, b.Value));
            case NumericType.Single:
                return SqlValue.FromObject(Ieee(op, NumericTypes.ToSingle(left), NumericTypes.ToSingle(right)));
            case NumericType.Decimal:
                return SqlValue.FromObject(Decimal(op, NumericTypes.ToDecimal(left), NumericTypes.ToDecimal(right)));
            default:
                return SqlValue.FromDouble(Ieee(op, left.Double, right.Double));
        }
    }

    /// <summary>
    /// Integer arithmetic as C# does it for <typeparamref name="T"/> in an unchecked context: add, subtract and multiply
    /// wrap; division and remainder fail by zero, and for signed types on MinValue / -1, which C# throws on even unchecked.
    /// </summary>
    public static T Integer<T>(ArithmeticOperator op, T a, T b)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        switch (op)
        {
            case ArithmeticOperator.Add:
                return a + b;
            case ArithmeticOperator.Subtract:
                return a - b;
            case ArithmeticOperator.Multiply:
                return a * b;
        }

        if (T.IsZero(b))
        {
            throw new EvaluationFailure("division by zero");
        }

        if (T.IsNegative(b) && a == T.MinValue && b == -T.One)
        {
            throw new EvaluationFailure("arithmetic overflow");
        }

        return op == ArithmeticOperator.Divide ? a / b : a % b;
    }

    private static T Ieee<T>(ArithmeticOperator op, T a, T b)
        where T : IFloatingPointIeee754<T> => op switch
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
}
