namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class LiteralNode(SqlValue value) : ExpressionNode
{
    public SqlValue Value { get; } = value;
}
