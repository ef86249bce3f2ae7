namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class ArithmeticNode(ArithmeticOperator op, SyntaxNode left, SyntaxNode right) : ExpressionNode
{
    public ArithmeticOperator Operator { get; } = op;

    public SyntaxNode Left { get; } = left;

    public SyntaxNode Right { get; } = right;
}
