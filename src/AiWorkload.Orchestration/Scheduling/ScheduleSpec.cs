using System.Xml;

namespace AiWorkload.Orchestration.Scheduling;

/// <summary>A schedule trigger's timing: a cron expression (UTC or a time zone) or a fixed interval aligned to the Unix epoch.</summary>
public sealed class ScheduleSpec
{
    private readonly CronSchedule? _cron;
    private readonly TimeSpan _every;

    private ScheduleSpec(CronSchedule? cron, TimeSpan every)
    {
        _cron = cron;
        _every = every;
    }

    /// <summary>Compared on restart: a tick scheduled under another spec belongs to an edited schedule and is dropped.
    /// A UTC cron keeps the text it always had, so upgrading does not drop its pending tick.</summary>
    public string Text => _cron is null ? $"every:{XmlConvert.ToString(_every)}"
        : _cron.TimeZone.HasSameRules(TimeZoneInfo.Utc) ? $"cron:{_cron.Expression}"
        : $"cron:{_cron.Expression} tz:{_cron.TimeZone.Id}";

    /// <exception cref="FormatException">The expression is not valid.</exception>
    public static ScheduleSpec Cron(string expression, TimeZoneInfo? timeZone = null) => new(CronSchedule.Parse(expression, timeZone), TimeSpan.Zero);

    public static ScheduleSpec Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        return new(null, interval);
    }

    /// <summary>The first firing strictly after <paramref name="after"/>; null if the cron expression never fires.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        if (_cron is not null)
        {
            return _cron.Next(after);
        }

        var elapsed = after.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var periods = (elapsed / _every.Ticks) + 1;
        return DateTimeOffset.UnixEpoch.AddTicks(periods * _every.Ticks);
    }

    public override string ToString() => Text;
}
