namespace AiWorkload.Messaging.Rules.Sql.Syntax;

/// <summary>One <c>SET</c> or <c>REMOVE</c> of a rule action.</summary>
internal abstract class StatementNode(PropertyNode target)
{
    public PropertyNode Target { get; } = target;
}
