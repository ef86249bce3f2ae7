using AiWorkload.Messaging.Rules.Sql.Syntax;

namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// A compiled expression plus what the compiler knows statically: its constant value when it has one (so operators
/// can be folded or specialised), and the property it reads when it is a plain property reference.
/// </summary>
internal readonly record struct Operand(ValueEvaluator Evaluate, bool IsConstant, SqlValue Constant, PropertyNode? Property)
{
    public static Operand Const(SqlValue value) => new(_ => value, true, value, null);

    public static Operand Dynamic(ValueEvaluator evaluate) => new(evaluate, false, default, null);
}
