namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class ExistsNode(PropertyNode property) : PredicateNode
{
    public PropertyNode Property { get; } = property;
}
