using System.Globalization;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>Brings values into the emulator's ranges and records each change it makes.</summary>
internal sealed class AdjustmentLog
{
    private readonly List<EmulatorConfigAdjustment> adjustments = [];

    public IReadOnlyList<EmulatorConfigAdjustment> Adjustments => adjustments;

    public int Clamp(string entity, string field, int value, int min, int max)
    {
        var written = Math.Clamp(value, min, max);
        if (written != value)
        {
            Record(entity, field, value.ToString(CultureInfo.InvariantCulture), written.ToString(CultureInfo.InvariantCulture), $"the emulator allows {min}..{max}");
        }

        return written;
    }

    /// <summary>Clamps, then rounds to whole seconds (the only precision the schema's pattern has) and formats.</summary>
    public string Clamp(string entity, string field, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        var clamped = value < min ? min : value > max ? max : value;
        var written = TimeSpan.FromSeconds(Math.Round(clamped.TotalSeconds, MidpointRounding.AwayFromZero));
        if (written != value)
        {
            var reason = clamped == value
                ? "the emulator takes whole seconds only"
                : $"the emulator allows {IsoDuration.Format(min)}..{IsoDuration.Format(max)}";
            Record(entity, field, IsoDuration.Describe(value), IsoDuration.Format(written), reason);
        }

        return IsoDuration.Format(written);
    }

    /// <summary>Notes a setting the file has no property for, when it differs from what the emulator will assume.</summary>
    public void OmitIfChanged<T>(string entity, string field, T value, T assumed)
    {
        if (!EqualityComparer<T>.Default.Equals(value, assumed))
        {
            Record(entity, field, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null", null, "the emulator's Config.json has no such property");
        }
    }

    public void Record(string entity, string field, string original, string? written, string reason) =>
        adjustments.Add(new EmulatorConfigAdjustment(entity, field, original, written, reason));
}
