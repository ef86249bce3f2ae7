using System.Globalization;

namespace AiWorkload.Bench;

/// <summary>Command-line helpers the suites share.</summary>
internal static class BenchArguments
{
    public static bool TryPositive(IReadOnlyList<string> args, int index, out int value)
    {
        value = 0;
        return index < args.Count && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
    }
}
