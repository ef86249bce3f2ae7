namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class LikeNode(SyntaxNode operand, SyntaxNode pattern, SyntaxNode? escape, bool negated) : PredicateNode
{
    public SyntaxNode Operand { get; } = operand;

    public SyntaxNode Pattern { get; } = pattern;

    public SyntaxNode? Escape { get; } = escape;

    public bool Negated { get; } = negated;
}
