namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>Turns an unknown property name into "did you mean" advice, since most unknown names are typos.</summary>
internal static class PropertyNameSuggestion
{
    private const int MaxTypoDistance = 2;

    public static string UnknownProperty(string name, IReadOnlyCollection<string> allowed)
    {
        var closest = allowed
            .Select(candidate => (candidate, distance: Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .Where(c => c.distance <= MaxTypoDistance)
            .OrderBy(c => c.distance)
            .Select(c => c.candidate)
            .FirstOrDefault();
        var known = string.Join(", ", allowed);
        return closest is null
            ? $"unknown property '{name}'; expected one of {known}"
            : $"unknown property '{name}'; did you mean '{closest}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
