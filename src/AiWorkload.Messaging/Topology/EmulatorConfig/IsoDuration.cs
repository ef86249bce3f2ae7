using System.Globalization;
using System.Text;
using System.Xml;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// ISO 8601 durations as Config.json holds them. Writing uses whole seconds and days at most, because the schema's
/// pattern has no fractional seconds and years or months have no fixed length.
/// </summary>
internal static class IsoDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        try
        {
            value = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            value = default;
            return false;
        }
    }

    /// <summary>Formats a non-negative whole number of seconds, e.g. <c>PT1M</c>, <c>PT20S</c>, <c>P1DT2H</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only non-negative whole seconds can be written.");
        }

        var text = new StringBuilder("P");
        if (value.Days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Days}D");
        }

        if (value.Days > 0 && value.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return text.ToString();
        }

        text.Append('T');
        Append(text, value.Hours, 'H');
        Append(text, value.Minutes, 'M');
        // Zero is the only value that reaches here with no hours or minutes, and it still needs a unit.
        if (value.Seconds > 0 || (value.Hours == 0 && value.Minutes == 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Seconds}S");
        }

        return text.ToString();
    }

    /// <summary>A readable form for messages: ISO 8601 where it can be written, otherwise .NET's constant format.</summary>
    public static string Describe(TimeSpan value)
    {
        if (value == TimeSpan.MaxValue)
        {
            return "TimeSpan.MaxValue (never expires)";
        }

        return value >= TimeSpan.Zero && value.Ticks % TimeSpan.TicksPerSecond == 0
            ? Format(value)
            : value.ToString("c", CultureInfo.InvariantCulture);
    }

    private static void Append(StringBuilder text, int amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{amount}{unit}");
        }
    }
}
