using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

internal sealed partial class Parser
{
    /// <summary>
    /// <c>&lt;statement&gt; [;] ...</c>: the action grammar makes the semicolon optional, so statements may also be
    /// separated by whitespace alone. SET and REMOVE are recognised only where a statement starts, so properties
    /// named "set" or "remove" stay usable inside expressions.
    /// </summary>
    public static (IReadOnlyList<StatementNode> Statements, SourceText Source) ParseAction(
        string text, IReadOnlyDictionary<string, object?>? parameters)
    {
        RequireLength(text, SqlRuleAction.MaxLength);
        var parser = new Parser(text, parameters);
        var statements = new List<StatementNode>();
        while (parser.Peek().Kind != TokenKind.End)
        {
            if (statements.Count == SqlRuleAction.MaxStatements)
            {
                throw parser.Error(parser._index, $"the end of the action (the service allows at most {SqlRuleAction.MaxStatements} statements)");
            }

            statements.Add(parser.ParseStatement(statements.Count == 0));
            parser.Accept(TokenKind.Semicolon);
        }

        if (statements.Count == 0)
        {
            throw parser.Error(parser._index, "SET or REMOVE");
        }

        return (statements, parser._source);
    }

    private StatementNode ParseStatement(bool first)
    {
        var token = Peek();
        var isSet = IsWord(token, "SET");
        if (!isSet && !IsWord(token, "REMOVE"))
        {
            throw Error(_index, first ? "SET or REMOVE" : "';', SET, REMOVE or the end of the action");
        }

        Advance();
        var target = ParseProperty(isSet ? "a property to set" : "a property to remove");
        if (target.Scope == PropertyScope.System && !SystemProperties.IsSettable(target.Name))
        {
            throw Error(target.NameToken, "a settable system property (" + string.Join(", ", SystemProperties.Settable) + ")");
        }

        if (!isSet)
        {
            return new RemoveNode(target);
        }

        Expect(TokenKind.Equal, "'='");
        var value = ParseAdditive();
        RequireExpression(value);
        return new SetNode(target, value);
    }

    private static bool IsWord(Token token, string word) =>
        token.Kind == TokenKind.Identifier && token.Value!.Equals(word, StringComparison.OrdinalIgnoreCase);
}
