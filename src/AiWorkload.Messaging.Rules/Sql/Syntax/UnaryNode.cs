namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class UnaryNode(bool negate, SyntaxNode operand) : ExpressionNode
{
    public bool Negate { get; } = negate;

    public SyntaxNode Operand { get; } = operand;
}
