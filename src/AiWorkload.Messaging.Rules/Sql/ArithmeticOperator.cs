namespace AiWorkload.Messaging.Rules.Sql;

internal enum ArithmeticOperator : byte
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
