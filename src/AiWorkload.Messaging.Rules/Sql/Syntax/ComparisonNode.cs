namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class ComparisonNode(ComparisonOperator op, SyntaxNode left, SyntaxNode right) : PredicateNode
{
    public ComparisonOperator Operator { get; } = op;

    public SyntaxNode Left { get; } = left;

    public SyntaxNode Right { get; } = right;
}
