namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class LogicalNode(bool isAnd, SyntaxNode left, SyntaxNode right) : PredicateNode
{
    public bool IsAnd { get; } = isAnd;

    public SyntaxNode Left { get; } = left;

    public SyntaxNode Right { get; } = right;
}
