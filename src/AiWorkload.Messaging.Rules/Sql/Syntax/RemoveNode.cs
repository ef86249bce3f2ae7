namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal sealed class RemoveNode(PropertyNode target) : StatementNode(target);
