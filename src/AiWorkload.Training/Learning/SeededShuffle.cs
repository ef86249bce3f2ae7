namespace AiWorkload.Training.Learning;

/// <summary>
/// Fisher–Yates over a seeded <see cref="Random"/>. Written out rather than using Random.Shuffle so the
/// permutation for a seed cannot change with a runtime upgrade, which would silently change splits.
/// </summary>
internal static class SeededShuffle
{
    public static void Shuffle(Span<int> values, Random random)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
