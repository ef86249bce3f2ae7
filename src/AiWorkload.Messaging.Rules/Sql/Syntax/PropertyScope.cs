namespace AiWorkload.Messaging.Rules.Sql.Syntax;

internal enum PropertyScope : byte
{
    User,
    System,
}
