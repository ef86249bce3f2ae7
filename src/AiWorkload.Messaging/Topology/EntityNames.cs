namespace AiWorkload.Messaging.Topology;

/// <summary>Azure Service Bus naming rules; returning the reason instead of throwing lets each caller name its own context.</summary>
public static class EntityNames
{
    private static readonly char[] ForbiddenPathChars = ['@', '?', '#', '*'];

    /// <summary>Null when <paramref name="path"/> is a valid queue or topic path, otherwise why not.</summary>
    public static string? CheckEntityPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the name is empty";
        }

        if (path.Length > EntityDefaults.MaxEntityPathLength)
        {
            return $"the name is {path.Length} characters long; the limit is {EntityDefaults.MaxEntityPathLength}";
        }

        if (path.StartsWith('/') || path.EndsWith('/'))
        {
            return "the name may not start or end with '/'";
        }

        var bad = path.IndexOfAny(ForbiddenPathChars);
        if (bad >= 0)
        {
            return $"the name may not contain '{path[bad]}'";
        }

        if (path.Contains('$', StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal))
        {
            return "the name may not contain '$' or an empty segment";
        }

        return path.Any(char.IsWhiteSpace) ? "the name may not contain white space" : null;
    }

    /// <summary>Null when <paramref name="name"/> is a valid subscription name, otherwise why not.</summary>
    public static string? CheckSubscriptionName(string? name)
    {
        var reason = CheckShortName(name);
        if (reason is not null)
        {
            return reason;
        }

        return name!.IndexOfAny(['/', '\\']) >= 0 ? "a subscription name may not contain '/' or '\\'" : null;
    }

    /// <summary>Null when <paramref name="name"/> is a valid rule name, otherwise why not.</summary>
    public static string? CheckRuleName(string? name) => CheckShortName(name);

    private static string? CheckShortName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "the name is empty";
        }

        return name.Length > EntityDefaults.MaxSubscriptionOrRuleNameLength
            ? $"the name is {name.Length} characters long; the limit is {EntityDefaults.MaxSubscriptionOrRuleNameLength}"
            : null;
    }
}
