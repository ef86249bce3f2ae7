namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>An expression and its tokens, so the parser and the compiler phrase errors the same way.</summary>
internal sealed class SourceText(string text, List<Token> tokens)
{
    public string Text { get; } = text;

    public List<Token> Tokens { get; } = tokens;

    public RuleSyntaxException Error(int tokenIndex, string expected, string? found = null)
    {
        var token = Tokens[Math.Min(tokenIndex, Tokens.Count - 1)];
        return new RuleSyntaxException(Text, token.Position, expected, found ?? Describe(token));
    }

    private string Describe(Token token) => token.Kind == TokenKind.End
        ? "end of expression"
        : Lexer.Quote(Text.Substring(token.Position, token.Length));
}
