using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

internal sealed partial class Parser
{
    private const string Int64MinMagnitude = "9223372036854775808";

    private SyntaxNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek().Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind == TokenKind.Plus ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
            RequireExpression(left);
            var right = ParseMultiplicative();
            RequireExpression(right);
            left = Span(new ArithmeticNode(op, left, right), left.StartToken);
        }

        return left;
    }

    private SyntaxNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Peek().Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance().Kind switch
            {
                TokenKind.Star => ArithmeticOperator.Multiply,
                TokenKind.Slash => ArithmeticOperator.Divide,
                _ => ArithmeticOperator.Modulo,
            };
            RequireExpression(left);
            var right = ParseUnary();
            RequireExpression(right);
            left = Span(new ArithmeticNode(op, left, right), left.StartToken);
        }

        return left;
    }

    private SyntaxNode ParseUnary()
    {
        var kind = Peek().Kind;
        if (kind is not (TokenKind.Plus or TokenKind.Minus))
        {
            return ParsePrimary();
        }

        var start = _index;
        Advance();

        // Int64.MinValue has no positive counterpart, so "-9223372036854775808" is read as one literal.
        if (kind == TokenKind.Minus && Peek() is { Kind: TokenKind.IntegerOverflow, Value: Int64MinMagnitude })
        {
            Advance();
            return Span(new LiteralNode(SqlValue.FromLong(long.MinValue)), start);
        }

        var operand = ParseUnary();
        RequireExpression(operand);
        return Span(new UnaryNode(kind == TokenKind.Minus, operand), start);
    }

    private SyntaxNode ParsePrimary()
    {
        var start = _index;
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.Integer:
                Advance();
                return Span(new LiteralNode(SqlValue.FromLong(token.Number)), start);
            case TokenKind.IntegerOverflow:
                throw Error(start, "an integer within the range of Int64");
            case TokenKind.Real:
                Advance();
                return Span(new LiteralNode(SqlValue.FromDouble(token.Real)), start);
            case TokenKind.String:
                Advance();
                return Span(new LiteralNode(SqlValue.FromString(token.Value!)), start);
            case TokenKind.True or TokenKind.False:
                Advance();
                return Span(new LiteralNode(SqlValue.FromBool(token.Kind == TokenKind.True)), start);
            case TokenKind.Null:
                Advance();
                return Span(new LiteralNode(SqlValue.Null), start);
            case TokenKind.Parameter:
                if (!_parameters.TryGetValue(token.Value!, out var parameter))
                {
                    throw Error(start, "a parameter defined for this rule");
                }

                Advance();
                return Span(new LiteralNode(SqlValue.FromObject(parameter)), start);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'");
                return Span(inner, start);
            case TokenKind.Identifier when Peek(1).Kind == TokenKind.LeftParen:
                return ParseFunction();
            case TokenKind.Identifier or TokenKind.DelimitedIdentifier:
                return ParseProperty("an expression");
            default:
                throw Error(start, "an expression");
        }
    }

    private ExpressionNode ParseFunction()
    {
        var start = _index;
        var name = Peek().Value!;
        var isNewId = name.Equals("newid", StringComparison.OrdinalIgnoreCase);
        if (!isNewId && !name.Equals("property", StringComparison.OrdinalIgnoreCase) &&
            !name.Equals("p", StringComparison.OrdinalIgnoreCase))
        {
            throw Error(start, "a function (newid, property or p)");
        }

        Advance();
        Advance();
        if (isNewId)
        {
            Expect(TokenKind.RightParen, "')' (newid takes no arguments)");
            return Span(new NewIdNode(), start);
        }

        var argument = ParseAdditive();
        RequireExpression(argument);
        Expect(TokenKind.RightParen, "')'");
        return Span(new PropertyFunctionNode(argument), start);
    }

    /// <summary><c>[scope.]name</c>, where scope is sys or user and name is regular, [delimited] or "quoted".</summary>
    private PropertyNode ParseProperty(string expected)
    {
        var start = _index;
        var token = Peek();
        if (token.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Dot)
        {
            var isSystem = token.Value!.Equals("sys", StringComparison.OrdinalIgnoreCase);
            if (!isSystem && !token.Value.Equals("user", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(start, "the scope 'sys' or 'user' before '.'");
            }

            Advance();
            Advance();
            var nameIndex = _index;
            var name = Peek();
            if (name.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
            {
                throw Error(nameIndex, isSystem ? "a system property name" : "a property name");
            }

            Advance();
            if (!isSystem)
            {
                return Span(new PropertyNode(PropertyScope.User, name.Value!, nameIndex), start);
            }

            // A missing system property is an error per the docs; the set of names is fixed, so say so now.
            return SystemProperties.TryGetCanonicalName(name.Value!, out var canonical)
                ? Span(new PropertyNode(PropertyScope.System, canonical, nameIndex), start)
                : throw Error(nameIndex, "a system property name (MessageId, CorrelationId, Label, To, ReplyTo, SessionId, ...)");
        }

        if (token.Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            Advance();
            return Span(new PropertyNode(PropertyScope.User, token.Value!, start), start);
        }

        throw Error(start, expected);
    }
}
