namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class InNode(SyntaxNode operand, IReadOnlyList<SyntaxNode> items, bool negated) : PredicateNode
{
    public SyntaxNode Operand { get; } = operand;

    public IReadOnlyList<SyntaxNode> Items { get; } = items;

    public bool Negated { get; } = negated;
}
