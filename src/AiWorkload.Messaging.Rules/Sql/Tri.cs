namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>SQL three-valued logic; a byte so predicate delegates return without boxing.</summary>
internal enum Tri : byte
{
    False = 0,
    True = 1,
    Unknown = 2,
}
