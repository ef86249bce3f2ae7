namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// A compiled LIKE pattern. The docs define exactly two wildcards, <c>%</c> (any run, possibly empty) and <c>_</c>
/// (one character); T-SQL's <c>[...]</c> sets are not part of the Service Bus language, so brackets are literal.
/// Matching is ordinal and case-sensitive, like every other string comparison here (C# semantics).
/// An escape character makes the next character literal, whatever it is; one at the very end of the pattern
/// has nothing to escape and is an error, as in SQL Server.
/// </summary>
internal sealed class LikePattern
{
    private const byte Literal = 0;
    private const byte One = 1;
    private const byte Many = 2;

    private readonly Shape _shape;
    private readonly string _literal;
    private readonly char[] _chars;
    private readonly byte[] _kinds;

    private LikePattern(Shape shape, string literal, char[] chars, byte[] kinds)
    {
        _shape = shape;
        _literal = literal;
        _chars = chars;
        _kinds = kinds;
    }

    private enum Shape : byte
    {
        Exact,
        Prefix,
        Suffix,
        Contains,
        General,
    }

    public static LikePattern Compile(string pattern, char? escape)
    {
        var chars = new List<char>(pattern.Length);
        var kinds = new List<byte>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (escape == c)
            {
                if (++i == pattern.Length)
                {
                    throw new EvaluationFailure($"the LIKE pattern '{pattern}' ends with its escape character '{c}'");
                }

                chars.Add(pattern[i]);
                kinds.Add(Literal);
            }
            else if (c == '%')
            {
                // Consecutive % are one %; keeping one makes the shape detection below simpler.
                if (kinds.Count == 0 || kinds[^1] != Many)
                {
                    chars.Add(c);
                    kinds.Add(Many);
                }
            }
            else
            {
                chars.Add(c);
                kinds.Add(c == '_' ? One : Literal);
            }
        }

        return Classify([.. chars], [.. kinds]);
    }

    public bool IsMatch(string text) => _shape switch
    {
        Shape.Exact => string.Equals(text, _literal, StringComparison.Ordinal),
        Shape.Prefix => text.StartsWith(_literal, StringComparison.Ordinal),
        Shape.Suffix => text.EndsWith(_literal, StringComparison.Ordinal),
        Shape.Contains => text.Contains(_literal, StringComparison.Ordinal),
        _ => MatchGeneral(text),
    };

    private static LikePattern Classify(char[] chars, byte[] kinds)
    {
        var ones = kinds.Count(k => k == One);
        var manyPositions = Enumerable.Range(0, kinds.Length).Where(i => kinds[i] == Many).ToArray();
        if (ones == 0)
        {
            var n = kinds.Length;
            switch (manyPositions)
            {
                case []:
                    return new(Shape.Exact, new string(chars), chars, kinds);
                case [var p] when p == n - 1:
                    return new(Shape.Prefix, new string(chars, 0, n - 1), chars, kinds);
                case [0]:
                    return new(Shape.Suffix, new string(chars, 1, n - 1), chars, kinds);
                case [0, var p] when p == n - 1:
                    return new(Shape.Contains, new string(chars, 1, n - 2), chars, kinds);
            }
        }

        return new(Shape.General, string.Empty, chars, kinds);
    }

    // Greedy matching that backtracks only to the most recent %, which suffices because a later % can absorb
    // anything an earlier one could: linear in practice, O(n*m) at worst, never exponential.
    private bool MatchGeneral(string text)
    {
        var kinds = _kinds;
        var chars = _chars;
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < kinds.Length && (kinds[p] == One || (kinds[p] == Literal && chars[p] == text[t])))
            {
                t++;
                p++;
            }
            else if (p < kinds.Length && kinds[p] == Many)
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < kinds.Length && kinds[p] == Many)
        {
            p++;
        }

        return p == kinds.Length;
    }
}
