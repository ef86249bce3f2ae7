namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal abstract class PredicateNode : SyntaxNode
{
    public override bool IsPredicate => true;
}
