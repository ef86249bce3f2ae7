using System.Globalization;
using AiWorkload.Orchestration.Scheduling;

namespace AiWorkload.Orchestration.Tests.Pipelines;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero); // a Thursday

    private static readonly TimeZoneInfo Berlin = ScheduleTimeZones.Find("Europe/Berlin");

    [Theory]
    [InlineData("0 3 * * *", "2026-01-02T03:00:00")]
    [InlineData("*/15 * * * *", "2026-01-01T12:15:00")]
    [InlineData("30 9-17/4 * * MON-FRI", "2026-01-01T13:30:00")]
    [InlineData("0 0 * * 0", "2026-01-04T00:00:00")]
    [InlineData("0 0 * * 7", "2026-01-04T00:00:00")]
    [InlineData("0 0 1 * 1", "2026-01-05T00:00:00")] // both day fields restricted: either one fires, as in Vixie cron
    [InlineData("0 0 1 * 5", "2026-01-02T00:00:00")]
    [InlineData("0 0 29 2 *", "2028-02-29T00:00:00")]
    [InlineData("@hourly", "2026-01-01T13:00:00")]
    [InlineData("@DAILY", "2026-01-02T00:00:00")]
    [InlineData("0 12 1 jan,jul *", "2026-07-01T12:00:00")]
    [InlineData("0 22-2 * * *", "2026-01-01T22:00:00")] // a reversed range wraps around midnight
    [InlineData("30 */10 * * * *", "2026-01-01T12:00:30")] // six fields: seconds first
    [InlineData("0 0 L * *", "2026-01-31T00:00:00")]
    public void Next_firing(string expression, string expected) =>
        Assert.Equal(Utc(expected), CronSchedule.Parse(expression).Next(Start));

    [Theory]
    [InlineData("* * * *", "'* * * *' has 4 fields; cron needs 5")]
    [InlineData("* 24 * * *", "'* 24 * * *': field 2 (hour) '24': value must be a number between 0 and 23 (all inclusive)")]
    [InlineData("*/0 * * * *", "'*/0 * * * *': field 1 (minute) '*/0': ")]
    [InlineData("* * * FOO *", "'* * * FOO *': field 4 (month) 'FOO': ")]
    [InlineData("0 0 0 * 13 *", "'0 0 0 * 13 *': field 5 (month) '13': value must be a number between 1 and 12")]
    [InlineData("@fortnightly", "'@fortnightly': Macro: ")]
    [InlineData("H 3 * * *", "'H 3 * * *': H (hashed jitter) is not supported")]
    public void Invalid_expressions_quote_the_expression_and_say_which_field_is_wrong(string expression, string message)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("The given cron expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zone_reads_the_fields_in_local_time() =>
        Assert.Equal(Utc("2026-01-02T02:00:00"), CronSchedule.Parse("0 3 * * *", Berlin).Next(Start)); // CET is UTC+1

    [Fact]
    public void Spring_forward_a_daily_time_in_the_gap_fires_once_at_the_jump()
    {
        // Berlin, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that day.
        var schedule = CronSchedule.Parse("30 2 * * *", Berlin);

        var saturday = schedule.Next(Utc("2026-03-27T12:00:00"));
        var sunday = schedule.Next(saturday!.Value);
        var monday = schedule.Next(sunday!.Value);

        Assert.Equal(Utc("2026-03-28T01:30:00"), saturday); // 02:30 CET
        Assert.Equal(Utc("2026-03-29T01:00:00"), sunday); // 03:00 CEST, the instant of the jump
        Assert.Equal(Utc("2026-03-30T00:30:00"), monday); // 02:30 CEST
    }

    [Fact]
    public void Fall_back_a_daily_time_in_the_repeated_hour_fires_once()
    {
        // Berlin, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice.
        var schedule = CronSchedule.Parse("30 2 * * *", Berlin);

        var sunday = schedule.Next(Utc("2026-10-24T12:00:00"));
        var monday = schedule.Next(sunday!.Value);

        Assert.Equal(Utc("2026-10-25T00:30:00"), sunday); // the first 02:30, CEST
        Assert.Equal(Utc("2026-10-26T01:30:00"), monday); // not the second 02:30 CET an hour later
    }

    [Fact]
    public void Fall_back_an_interval_keeps_firing_through_the_repeated_hour()
    {
        var schedule = CronSchedule.Parse("0,30 * * * *", Berlin);
        var firings = new List<DateTimeOffset>();
        var t = Utc("2026-10-24T23:45:00");
        while (firings.Count < 6)
        {
            t = schedule.Next(t) ?? throw new InvalidOperationException("the schedule stopped");
            firings.Add(t);
        }

        // 02:00, 02:30 CEST, then 02:00, 02:30 CET again: every half hour of real time, none skipped or doubled.
        Assert.Equal(Enumerable.Range(0, 6).Select(i => Utc("2026-10-25T00:00:00").AddMinutes(30 * i)), firings);
    }

    [Fact]
    public void A_zone_changes_the_spec_text_so_an_edited_schedule_drops_its_old_tick()
    {
        Assert.Equal("cron:0 3 * * *", ScheduleSpec.Cron("0 3 * * *").Text);
        Assert.Equal("cron:0 3 * * *", ScheduleSpec.Cron("0 3 * * *", ScheduleTimeZones.Find(null)).Text);
        Assert.Equal("cron:0 3 * * * tz:Europe/Berlin", ScheduleSpec.Cron("0 3 * * *", Berlin).Text);
    }

    [Fact]
    public void An_unknown_zone_is_named_in_the_error() =>
        Assert.Contains("'Nowhere/Special'", Assert.Throws<TimeZoneNotFoundException>(() => ScheduleTimeZones.Find("Nowhere/Special")).Message, StringComparison.Ordinal);

    [Fact]
    public void Intervals_align_to_the_epoch() =>
        Assert.Equal(Start.AddMinutes(15), ScheduleSpec.Every(TimeSpan.FromMinutes(15)).Next(Start.AddMinutes(7)));

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text + "+00:00", CultureInfo.InvariantCulture);
}
