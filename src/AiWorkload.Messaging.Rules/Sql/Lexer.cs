using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Splits an expression into tokens. Lexical problems that only a parser can phrase well (a stray character)
/// become <see cref="TokenKind.Invalid"/> tokens; problems the lexer fully understands (an unterminated string)
/// become <see cref="TokenKind.Error"/> tokens, thrown when the parser reaches them, so that an earlier syntax
/// error is still the one reported.
/// </summary>
internal static class Lexer
{
    private static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>
    {
        ["AND"] = TokenKind.And,
        ["OR"] = TokenKind.Or,
        ["NOT"] = TokenKind.Not,
        ["IS"] = TokenKind.Is,
        ["NULL"] = TokenKind.Null,
        ["IN"] = TokenKind.In,
        ["LIKE"] = TokenKind.Like,
        ["ESCAPE"] = TokenKind.Escape,
        ["EXISTS"] = TokenKind.Exists,
        ["TRUE"] = TokenKind.True,
        ["FALSE"] = TokenKind.False,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, 0));
                return tokens;
            }

            var token = Next(text, i);
            tokens.Add(token);
            if (token.Kind == TokenKind.Error)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, 0));
                return tokens;
            }

            i += token.Length;
        }
    }

    private static Token Next(string text, int start)
    {
        var c = text[start];
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        if (char.IsLetter(c))
        {
            return Word(text, start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
        {
            return Number(text, start);
        }

        return c switch
        {
            '\'' => Quoted(text, start, '\'', TokenKind.String, "a closing quote (') to end the string"),
            '[' => Quoted(text, start, ']', TokenKind.DelimitedIdentifier, "a closing bracket (]) to end the name"),
            '"' => Quoted(text, start, '"', TokenKind.DelimitedIdentifier, "a closing double quote (\") to end the name"),
            '@' => Parameter(text, start),
            '(' => new Token(TokenKind.LeftParen, start, 1),
            ')' => new Token(TokenKind.RightParen, start, 1),
            ',' => new Token(TokenKind.Comma, start, 1),
            '.' => new Token(TokenKind.Dot, start, 1),
            ';' => new Token(TokenKind.Semicolon, start, 1),
            '+' => new Token(TokenKind.Plus, start, 1),
            '-' => new Token(TokenKind.Minus, start, 1),
            '*' => new Token(TokenKind.Star, start, 1),
            '/' => new Token(TokenKind.Slash, start, 1),
            '%' => new Token(TokenKind.Percent, start, 1),
            '=' => new Token(TokenKind.Equal, start, 1),
            '!' when next == '=' => new Token(TokenKind.NotEqual, start, 2),
            '<' when next == '>' => new Token(TokenKind.NotEqual, start, 2),
            '<' when next == '=' => new Token(TokenKind.LessOrEqual, start, 2),
            '<' => new Token(TokenKind.Less, start, 1),
            '>' when next == '=' => new Token(TokenKind.GreaterOrEqual, start, 2),
            '>' => new Token(TokenKind.Greater, start, 1),
            _ => new Token(TokenKind.Invalid, start, char.IsSurrogatePair(text, start) ? 2 : 1),
        };
    }

    // <regular_identifier> per the docs: [[:IsLetter:]][_[:IsLetter:][:IsDigit:]]*. Note it may not start with '_'.
    private static Token Word(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length && IsIdentifierPart(text[end]))
        {
            end++;
        }

        var word = text[start..end];
        return Keywords.TryGetValue(word, out var keyword)
            ? new Token(keyword, start, end - start, word)
            : new Token(TokenKind.Identifier, start, end - start, word);
    }

    private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetter(c) || char.IsDigit(c);

    private static Token Number(string text, int start)
    {
        var end = start;
        var real = false;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end < text.Length && text[end] == '.')
        {
            real = true;
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
        }

        // An exponent only when digits follow, so "1e" lexes as 1 and an identifier the parser then rejects.
        if (end < text.Length && text[end] is 'e' or 'E')
        {
            var digits = end + 1 < text.Length && text[end + 1] is '+' or '-' ? end + 2 : end + 1;
            if (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                real = true;
                end = digits;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }
            }
        }

        var literal = text[start..end];
        if (real)
        {
            var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(value)
                ? new Token(TokenKind.Real, start, end - start, literal, BitConverter.DoubleToInt64Bits(value))
                : Fail(text, start, end - start, "a number within the range of Double", Quote(literal));
        }

        return long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
            ? new Token(TokenKind.Integer, start, end - start, literal, integer)
            : new Token(TokenKind.IntegerOverflow, start, end - start, literal);
    }

    // Strings, [delimited] and "quoted" names share one rule: the closing character doubled stands for itself.
    private static Token Quoted(string text, int start, char close, TokenKind kind, string expectedClose)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == close)
            {
                if (i + 1 < text.Length && text[i + 1] == close)
                {
                    value.Append(close);
                    i += 2;
                    continue;
                }

                if (kind == TokenKind.DelimitedIdentifier && value.Length == 0)
                {
                    return Fail(text, i, 1, "a property name", Quote(close.ToString()));
                }

                return new Token(kind, start, i + 1 - start, value.ToString());
            }

            value.Append(text[i++]);
        }

        return Fail(text, start, text.Length - start, expectedClose, "end of expression");
    }

    private static Token Parameter(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length && IsIdentifierPart(text[end]))
        {
            end++;
        }

        return end == start + 1
            ? new Token(TokenKind.Invalid, start, 1)
            : new Token(TokenKind.Parameter, start, end - start, text[start..end]);
    }

    private static Token Fail(string text, int position, int length, string expected, string found) =>
        new(TokenKind.Error, position, length, Error: new RuleSyntaxException(text, position, expected, found));

    public static string Quote(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}...'";
}
