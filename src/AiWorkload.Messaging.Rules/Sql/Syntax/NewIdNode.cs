namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class NewIdNode : ExpressionNode;
