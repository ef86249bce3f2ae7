namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// C#'s binary numeric promotion (C# spec §12.4.7.3), which the rule docs name for arithmetic: the operands' common
/// type, in which the operation is done and which its result has. Two deliberate departures: decimal with float or
/// double gives Double (C# refuses to compile it; rules keep computing, losing precision, as they did before), and
/// ulong with a signed operand binds as ulong when that operand is not negative (C# allows it for constants only, and
/// a folded constant looks like any other Int64 here) and fails otherwise.
/// </summary>
internal static class NumericTypes
{
    public static NumericType Of(in SqlValue value) => value.Ref switch
    {
        int or short or sbyte => NumericType.Int32,
        byte or ushort => NumericType.UnsignedToInt32,
        uint => NumericType.UInt32,
        ulong => NumericType.UInt64,
        float => NumericType.Single,
        decimal => NumericType.Decimal,
        _ => value.Kind == ValueKind.Long ? NumericType.Int64 : NumericType.Double,
    };

    public static NumericType Promote(NumericType a, NumericType b)
    {
        if (a == NumericType.Decimal || b == NumericType.Decimal)
        {
            return IsReal(a) || IsReal(b) ? NumericType.Double : NumericType.Decimal;
        }

        if (a == NumericType.Double || b == NumericType.Double)
        {
            return NumericType.Double;
        }

        if (a == NumericType.Single || b == NumericType.Single)
        {
            return NumericType.Single;
        }

        if (a == NumericType.UInt64 || b == NumericType.UInt64)
        {
            return NumericType.UInt64;
        }

        if (a == NumericType.Int64 || b == NumericType.Int64)
        {
            return NumericType.Int64;
        }

        if (a == NumericType.UInt32 || b == NumericType.UInt32)
        {
            return a == NumericType.Int32 || b == NumericType.Int32 ? NumericType.Int64 : NumericType.UInt32;
        }

        return NumericType.Int32;
    }

    /// <summary>The C# type name, for error messages.</summary>
    public static string Name(NumericType type) => type switch
    {
        NumericType.Int32 or NumericType.UnsignedToInt32 => nameof(Int32),
        _ => type.ToString(),
    };

    public static float ToSingle(in SqlValue value) => value.Ref switch
    {
        ulong u => u,
        _ => value.Kind == ValueKind.Long ? value.Long : (float)value.Double,
    };

    public static decimal ToDecimal(in SqlValue value) => value.Ref switch
    {
        decimal m => m,
        ulong u => u,
        _ => value.Long,
    };

    /// <summary>Null when the operand is a negative signed integer, which no C# conversion makes a ulong.</summary>
    public static ulong? ToUInt64(in SqlValue value) => value.Ref switch
    {
        ulong u => u,
        uint or ushort or byte => (ulong)value.Long,
        _ => value.Long >= 0 ? (ulong)value.Long : null,
    };

    private static bool IsReal(NumericType type) => type is NumericType.Single or NumericType.Double;
}
