namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>A compiled predicate plus its constant truth value when it has one, e.g. <c>1=1</c>.</summary>
internal readonly record struct Condition(PredicateEvaluator Evaluate, bool IsConstant, Tri Constant)
{
    public static Condition Const(Tri value) => new(_ => value, true, value);

    public static Condition Dynamic(PredicateEvaluator evaluate) => new(evaluate, false, Tri.Unknown);
}
