namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Remembers the last pattern a LIKE with a computed pattern compiled: the pattern usually comes from a property
/// that rarely changes between messages. The entry is swapped atomically, so concurrent evaluations are safe.
/// </summary>
internal sealed class LikePatternCache
{
    private Entry? _last;

    public LikePattern Get(string pattern, char? escape)
    {
        var last = _last;
        if (last is not null && last.Escape == escape && string.Equals(last.Pattern, pattern, StringComparison.Ordinal))
        {
            return last.Compiled;
        }

        var compiled = LikePattern.Compile(pattern, escape);
        _last = new Entry(pattern, escape, compiled);
        return compiled;
    }

    private sealed record Entry(string Pattern, char? Escape, LikePattern Compiled);
}
