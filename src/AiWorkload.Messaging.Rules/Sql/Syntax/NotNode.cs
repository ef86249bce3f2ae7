namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class NotNode(SyntaxNode operand) : PredicateNode
{
    public SyntaxNode Operand { get; } = operand;
}
