namespace AiWorkload.Messaging.Rules.Sql;

internal enum ValueKind : byte
{
    /// <summary>SQL NULL: a missing user property, an unset system property, or a null value.</summary>
    Null = 0,
    Bool,
    Long,
    Double,
    String,

    /// <summary>Guid, DateTime, DateTimeOffset, TimeSpan, byte[] and anything else an engine hands us.</summary>
    Other,
}
