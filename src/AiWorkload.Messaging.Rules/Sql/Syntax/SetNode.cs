namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class SetNode(PropertyNode target, SyntaxNode value) : StatementNode(target)
{
    public SyntaxNode Value { get; } = value;
}
