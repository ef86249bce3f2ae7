using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace AiWorkload.Orchestration.Pipelines.Loading;

/// <summary>Durations as people write them in config: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>, <c>500ms</c>, ISO 8601 (<c>PT5M</c>) or <c>00:05:00</c>.</summary>
public static partial class DurationParser
{
    public const string Formats = "use 30s, 5m, 1h30m, 2d, 500ms, ISO 8601 such as PT5M, or hh:mm:ss";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var match = Compact().Match(text);
        if (match.Success && match.Length > 0)
        {
            duration = TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h")) + TimeSpan.FromMinutes(Part(match, "m"))
                + TimeSpan.FromSeconds(Part(match, "s")) + TimeSpan.FromMilliseconds(Part(match, "ms"));
            return true;
        }

        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    private static long Part(Match match, string name) =>
        match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m(?!s))?(?:(?<s>\d+)s)?(?:(?<ms>\d+)ms)?$")]
    private static partial Regex Compact();
}
