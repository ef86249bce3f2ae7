using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

internal sealed partial class Parser
{
    private SyntaxNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek().Kind == TokenKind.Or)
        {
            RequirePredicate(left);
            Advance();
            var right = ParseAnd();
            RequirePredicate(right);
            left = Span(new LogicalNode(isAnd: false, left, right), left.StartToken);
        }

        return left;
    }

    private SyntaxNode ParseAnd()
    {
        var left = ParseNot();
        while (Peek().Kind == TokenKind.And)
        {
            RequirePredicate(left);
            Advance();
            var right = ParseNot();
            RequirePredicate(right);
            left = Span(new LogicalNode(isAnd: true, left, right), left.StartToken);
        }

        return left;
    }

    private SyntaxNode ParseNot()
    {
        if (Peek().Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        var start = _index;
        Advance();
        var operand = ParseNot();
        RequirePredicate(operand);
        return Span(new NotNode(operand), start);
    }

    private SyntaxNode ParseComparison()
    {
        if (Peek().Kind == TokenKind.Exists)
        {
            return ParseExists();
        }

        var start = _index;
        var left = ParseAdditive();
        var token = Peek();
        if (token.Kind is >= TokenKind.Equal and <= TokenKind.GreaterOrEqual)
        {
            RequireExpression(left);
            Advance();
            var right = ParseAdditive();
            RequireExpression(right);
            return Span(new ComparisonNode(ToComparison(token.Kind), left, right), start);
        }

        if (left.IsPredicate)
        {
            return left;
        }

        switch (token.Kind)
        {
            case TokenKind.Is:
                if (left is not (PropertyNode or PropertyFunctionNode))
                {
                    // The grammar only has "<property> IS [NOT] NULL".
                    throw Error(left.StartToken, "a property before IS");
                }

                Advance();
                var negated = Accept(TokenKind.Not);
                Expect(TokenKind.Null, "NULL");
                return Span(new IsNullNode(left, negated), start);
            case TokenKind.In:
                Advance();
                return ParseIn(left, start, negated: false);
            case TokenKind.Like:
                Advance();
                return ParseLike(left, start, negated: false);
            case TokenKind.Not:
                Advance();
                var after = Peek().Kind;
                if (after is not (TokenKind.In or TokenKind.Like))
                {
                    throw Error(_index, "IN or LIKE after NOT");
                }

                Advance();
                return after == TokenKind.In
                    ? ParseIn(left, start, negated: true)
                    : ParseLike(left, start, negated: true);
            default:
                return left;
        }
    }

    private InNode ParseIn(SyntaxNode operand, int start, bool negated)
    {
        Expect(TokenKind.LeftParen, "'(' to start the IN list");
        var items = new List<SyntaxNode>();
        do
        {
            var item = ParseAdditive();
            RequireExpression(item);
            items.Add(item);
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RightParen, "',' or ')'");
        return Span(new InNode(operand, items, negated), start);
    }

    private LikeNode ParseLike(SyntaxNode operand, int start, bool negated)
    {
        var pattern = ParseAdditive();
        RequireExpression(pattern);
        SyntaxNode? escape = null;
        if (Accept(TokenKind.Escape))
        {
            escape = ParseAdditive();
            RequireExpression(escape);
        }

        return Span(new LikeNode(operand, pattern, escape, negated), start);
    }

    private ExistsNode ParseExists()
    {
        var start = _index;
        Advance();
        Expect(TokenKind.LeftParen, "'(' after EXISTS");
        var property = ParseProperty("a property");
        Expect(TokenKind.RightParen, "')'");
        return Span(new ExistsNode(property), start);
    }

    private static ComparisonOperator ToComparison(TokenKind kind) => kind switch
    {
        TokenKind.Equal => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };
}
