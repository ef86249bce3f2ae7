using System.Globalization;

namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// One evaluated operand. Numbers live unboxed in <see cref="Bits"/> so arithmetic does not allocate; values read
/// from a message keep their original box in <see cref="Ref"/> so <c>SET a = b</c> copies b's exact type.
/// </summary>
internal readonly struct SqlValue
{
    // Actions store booleans as objects; two shared boxes avoid an allocation per SET.
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private SqlValue(ValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        Bits = bits;
        Ref = reference;
    }

    public static SqlValue Null => default;

    public ValueKind Kind { get; }

    public long Bits { get; }

    public object? Ref { get; }

    public bool IsNull => Kind == ValueKind.Null;

    public bool IsNumeric => Kind is ValueKind.Long or ValueKind.Double;

    public long Long => Bits;

    public double Double => Kind == ValueKind.Double ? BitConverter.Int64BitsToDouble(Bits) : Bits;

    public bool Bool => Bits != 0;

    public string String => (string)Ref!;

    public static SqlValue FromLong(long value) => new(ValueKind.Long, value, null);

    public static SqlValue FromDouble(double value) => new(ValueKind.Double, BitConverter.DoubleToInt64Bits(value), null);

    public static SqlValue FromBool(bool value) => new(ValueKind.Bool, value ? 1 : 0, null);

    public static SqlValue FromString(string value) => new(ValueKind.String, 0, value);

    public static SqlValue FromOther(object value) => new(ValueKind.Other, 0, value);

    /// <summary>
    /// Holds application and system property values in the language's representation: every integer type as Int64 bits,
    /// float and decimal as Double bits, each keeping its original box, from which arithmetic takes its C# type
    /// (<see cref="NumericTypes"/>); char becomes a one-character string and enums their names.
    /// </summary>
    public static SqlValue FromObject(object? value) => value switch
    {
        null => default,
        string s => new(ValueKind.String, 0, s),
        long l => new(ValueKind.Long, l, value),
        int i => new(ValueKind.Long, i, value),
        double d => new(ValueKind.Double, BitConverter.DoubleToInt64Bits(d), value),
        bool b => new(ValueKind.Bool, b ? 1 : 0, value),
        short s => new(ValueKind.Long, s, value),
        byte b => new(ValueKind.Long, b, value),
        sbyte b => new(ValueKind.Long, b, value),
        ushort u => new(ValueKind.Long, u, value),
        uint u => new(ValueKind.Long, u, value),
        ulong u when u <= long.MaxValue => new(ValueKind.Long, (long)u, value),
        ulong u => new(ValueKind.Double, BitConverter.DoubleToInt64Bits(u), value),
        float f => new(ValueKind.Double, BitConverter.DoubleToInt64Bits(f), value),
        decimal m => new(ValueKind.Double, BitConverter.DoubleToInt64Bits((double)m), value),
        char c => new(ValueKind.String, 0, c.ToString()),
        Enum e => new(ValueKind.String, 0, e.ToString()),
        _ => new(ValueKind.Other, 0, value),
    };

    public object? ToObject() => Kind switch
    {
        ValueKind.Null => null,
        ValueKind.Long => Ref ?? Long,
        ValueKind.Double => Ref ?? Double,
        ValueKind.Bool => Ref ?? (Bool ? BoxedTrue : BoxedFalse),
        _ => Ref,
    };

    /// <summary>The C# type name used in error messages, e.g. String or Int64.</summary>
    public string TypeName => Kind switch
    {
        ValueKind.Null => "NULL",
        ValueKind.Bool => nameof(Boolean),
        ValueKind.Long => nameof(Int64),
        ValueKind.Double => nameof(System.Double),
        ValueKind.String => nameof(System.String),
        _ => Ref!.GetType().Name,
    };

    /// <summary>How C# would render the value when concatenating it to a string, with the invariant culture.</summary>
    public string ToDisplayString() => Kind switch
    {
        ValueKind.Null => string.Empty,
        ValueKind.Bool => Bool ? bool.TrueString : bool.FalseString,
        ValueKind.Long => Long.ToString(CultureInfo.InvariantCulture),
        ValueKind.Double => Double.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => String,
        _ => Convert.ToString(Ref, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public override string ToString() => $"{TypeName}:{ToDisplayString()}";
}
