namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>The AND/OR/NOT truth tables of the "SQL filter syntax" page.</summary>
internal static class TriLogic
{
    public static Tri From(bool value) => value ? Tri.True : Tri.False;

    public static Tri Not(Tri value) => value switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Tri.Unknown,
    };
}
