using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Recursive-descent parser for the filter and action grammars. The docs give no precedence table, so it follows
/// SQL-92 (which the language "leans on"): unary + and - bind tightest, then * / %, then binary + and -, then the
/// comparisons, IS, IN and LIKE (which do not chain), then NOT, then AND, then OR.
/// </summary>
internal sealed partial class Parser
{
    private const string ComparisonExpected = "a comparison (=, <>, !=, <, <=, >, >=, IS, IN or LIKE)";

    private readonly SourceText _source;
    private readonly Dictionary<string, object?> _parameters;
    private int _index;

    private Parser(string text, IReadOnlyDictionary<string, object?>? parameters)
    {
        _source = new SourceText(text, Lexer.Tokenize(text));

        // The SDKs key parameters as "@name"; accept them with or without the @, case-insensitively like names.
        _parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parameters ?? new Dictionary<string, object?>())
        {
            _parameters[key.StartsWith('@') ? key : "@" + key] = value;
        }
    }

    public static (SyntaxNode Root, SourceText Source) ParseFilter(string text, IReadOnlyDictionary<string, object?>? parameters)
    {
        RequireLength(text, SqlFilter.MaxLength);
        var parser = new Parser(text, parameters);
        if (parser.Peek().Kind == TokenKind.End)
        {
            throw parser.Error(parser._index, "a condition");
        }

        var root = parser.ParseOr();
        parser.RequirePredicate(root);
        if (parser.Peek().Kind != TokenKind.End)
        {
            throw parser.Error(parser._index, "AND, OR or the end of the expression");
        }

        return (root, parser._source);
    }

    private static void RequireLength(string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            throw new RuleSyntaxException(
                text, maxLength, $"at most {maxLength} characters (the service's limit)", $"{text.Length} characters");
        }
    }

    private Token Peek(int ahead = 0)
    {
        var token = _source.Tokens[Math.Min(_index + ahead, _source.Tokens.Count - 1)];
        return token.Kind == TokenKind.Error ? throw token.Error! : token;
    }

    private Token Advance()
    {
        var token = Peek();
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Peek().Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private void Expect(TokenKind kind, string expected)
    {
        if (!Accept(kind))
        {
            throw Error(_index, expected);
        }
    }

    private T Span<T>(T node, int startToken)
        where T : SyntaxNode
    {
        node.StartToken = startToken;
        node.EndToken = _index;
        return node;
    }

    private RuleSyntaxException Error(int tokenIndex, string expected, string? found = null) =>
        _source.Error(tokenIndex, expected, found);

    // An expression where a condition is needed: point at what follows it, which is where an operator was missing.
    private void RequirePredicate(SyntaxNode node)
    {
        if (!node.IsPredicate)
        {
            throw Error(node.EndToken, ComparisonExpected);
        }
    }

    private void RequireExpression(SyntaxNode node)
    {
        if (node.IsPredicate)
        {
            throw Error(node.StartToken, "an expression", "a condition");
        }
    }
}
