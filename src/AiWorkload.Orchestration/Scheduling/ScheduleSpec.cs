using System.Xml;

namespace AiWorkload.Orchestration.Scheduling;

/// <summary>A schedule trigger's timing: a cron expression or a fixed interval aligned to the Unix epoch.</summary>
public sealed class ScheduleSpec
{
    private readonly CronSchedule? _cron;
    private readonly TimeSpan _every;

    private ScheduleSpec(CronSchedule? cron, TimeSpan every)
    {
        _cron = cron;
        _every = every;
    }

    /// <summary>Compared on restart: a tick scheduled under another spec belongs to an edited schedule and is dropped.</summary>
    public string Text => _cron is not null ? $"cron:{_cron.Expression}" : $"every:{XmlConvert.ToString(_every)}";

    public static ScheduleSpec Cron(string expression) => new(CronSchedule.Parse(expression), TimeSpan.Zero);

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
