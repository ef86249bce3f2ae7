namespace AiWorkload.Messaging.Rules.Sql;

/// <param name="Value">Decoded text of identifiers, strings and parameters.</param>
/// <param name="Number">Int64 value of integers, or the bits of a Double for reals.</param>
internal readonly record struct Token(
    TokenKind Kind,
    int Position,
    int Length,
    string? Value = null,
    long Number = 0,
    RuleSyntaxException? Error = null)
{
    public double Real => BitConverter.Int64BitsToDouble(Number);
}
