namespace AiWorkload.Messaging.Rules.Sql.Syntax;

/// <summary><c>property(name)</c> or <c>p(name)</c>, whose name is any string expression.</summary>
internal sealed class PropertyFunctionNode(SyntaxNode argument) : ExpressionNode
{
    public SyntaxNode Argument { get; } = argument;
}
