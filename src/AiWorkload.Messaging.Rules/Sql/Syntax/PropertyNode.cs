namespace AiWorkload.Messaging.Rules.Sql.Syntax;

/// <param name="Name">The user property name as written, or the canonical system property name.</param>
/// <param name="NameToken">Where the name is, for errors about it (an action setting a read-only sys property).</param>
internal sealed class PropertyNode(PropertyScope scope, string name, int nameToken) : ExpressionNode
{
    public PropertyScope Scope { get; } = scope;

    public string Name { get; } = name;

    public int NameToken { get; } = nameToken;
}
