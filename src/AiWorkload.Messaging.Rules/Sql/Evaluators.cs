namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>A compiled expression: the value it has for a message.</summary>
internal delegate SqlValue ValueEvaluator(IRuleMessage message);

/// <summary>A compiled condition: true, false or unknown for a message.</summary>
internal delegate Tri PredicateEvaluator(IRuleMessage message);
