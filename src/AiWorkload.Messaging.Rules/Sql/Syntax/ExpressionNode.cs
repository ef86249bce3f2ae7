namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal abstract class ExpressionNode : SyntaxNode
{
    public override bool IsPredicate => false;
}
