namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// The C# type an arithmetic operand binds as. <see cref="SqlValue"/> holds every number as Int64 or Double bits; the
/// original box (a property's value, an earlier result) tells which C# type it is, and constants are Int64 or Double.
/// </summary>
internal enum NumericType : byte
{
    /// <summary>int, short, sbyte: promoted to Int32 as C# does before any arithmetic.</summary>
    Int32,

    /// <summary>byte, ushort: also promoted to Int32, but with a uint they make a uint rather than a long.</summary>
    UnsignedToInt32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
}
