namespace AiWorkload.Orchestration.Scheduling;

/// <summary>Resolves a schedule trigger's <c>timeZone</c>: an IANA id (or a Windows id, which .NET converts) from the system's tz database.</summary>
public static class ScheduleTimeZones
{
    /// <summary>UTC for null; otherwise the named zone.</summary>
    /// <exception cref="TimeZoneNotFoundException">No such zone; the message names it.</exception>
    public static TimeZoneInfo Find(string? id)
    {
        if (id is null)
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new TimeZoneNotFoundException($"'{id}' is not a time zone known here; use an IANA id such as Europe/Berlin or UTC", error);
        }
    }
}
