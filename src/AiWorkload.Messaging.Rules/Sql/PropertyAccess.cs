namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>Reads properties for compiled expressions, including names only known at run time (<c>p(expr)</c>).</summary>
internal static class PropertyAccess
{
    private const string SysPrefix = "sys.";
    private const string UserPrefix = "user.";

    public static SqlValue ReadUser(IRuleMessage message, string name) =>
        message.TryGetApplicationProperty(name, out var value) ? SqlValue.FromObject(value) : SqlValue.Null;

    public static SqlValue ReadSystem(IRuleMessage message, string canonicalName) =>
        SqlValue.FromObject(message.GetSystemProperty(canonicalName));

    /// <summary>
    /// Splits a property() name into scope and name: "sys.X" and "user.X" (prefixes case-insensitive, like the scopes
    /// in expressions) or a bare user property name. Returns false for a sys name that does not exist.
    /// </summary>
    public static bool TryResolve(string name, out bool isSystem, out string resolved)
    {
        if (name.StartsWith(SysPrefix, StringComparison.OrdinalIgnoreCase))
        {
            isSystem = true;
            var found = SystemProperties.TryGetCanonicalName(name[SysPrefix.Length..], out var canonical);
            resolved = canonical ?? name;
            return found;
        }

        isSystem = false;
        resolved = name.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase) ? name[UserPrefix.Length..] : name;
        return true;
    }

    public static SqlValue ReadByName(IRuleMessage message, in SqlValue name)
    {
        if (name.IsNull)
        {
            return SqlValue.Null;
        }

        if (name.Kind != ValueKind.String)
        {
            throw new EvaluationFailure($"property() needs a String name but got a value of type '{name.TypeName}'");
        }

        if (!TryResolve(name.String, out var isSystem, out var resolved))
        {
            // A missing system property is an error per the docs, also when its name is computed.
            throw new EvaluationFailure($"'{name.String}' is not a system property");
        }

        return isSystem ? ReadSystem(message, resolved) : ReadUser(message, resolved);
    }
}
