namespace AiWorkload.Messaging.Rules.Sql;

internal enum TokenKind : byte
{
    End,

    /// <summary>A character that starts no token; the parser reports it as whatever it expected there.</summary>
    Invalid,

    /// <summary>A token the lexer could not finish (unterminated string ...); it carries its own error.</summary>
    Error,

    Identifier,
    DelimitedIdentifier,
    String,
    Integer,

    /// <summary>Digits beyond Int64; legal only as the operand of unary minus for Int64.MinValue.</summary>
    IntegerOverflow,
    Real,
    Parameter,

    LeftParen,
    RightParen,
    Comma,
    Dot,
    Semicolon,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    And,
    Or,
    Not,
    Is,
    Null,
    In,
    Like,
    Escape,
    Exists,
    True,
    False,
}
