namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class IsNullNode(SyntaxNode operand, bool negated) : PredicateNode
{
    public SyntaxNode Operand { get; } = operand;

    public bool Negated { get; } = negated;
}
