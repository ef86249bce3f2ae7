using AiWorkload.Orchestration.Scheduling;

namespace AiWorkload.Orchestration.Tests.Pipelines;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero); // a Thursday

    [Theory]
    [InlineData("0 3 * * *", "2026-01-02T03:00")]
    [InlineData("*/15 * * * *", "2026-01-01T12:15")]
    [InlineData("30 9-17/4 * * MON-FRI", "2026-01-01T13:30")]
    [InlineData("0 0 * * 0", "2026-01-04T00:00")]
    [InlineData("0 0 * * 7", "2026-01-04T00:00")]
    [InlineData("0 0 1 * 1", "2026-01-05T00:00")]
    [InlineData("0 0 29 2 *", "2028-02-29T00:00")]
    [InlineData("@hourly", "2026-01-01T13:00")]
    [InlineData("0 12 1 jan,jul *", "2026-07-01T12:00")]
    public void Next_firing(string expression, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected + ":00+00:00", System.Globalization.CultureInfo.InvariantCulture), CronSchedule.Parse(expression).Next(Start));

    [Theory]
    [InlineData("* * * *", "has 4 fields")]
    [InlineData("* 24 * * *", "field 2 (hour): value 24 is out of range 0-23")]
    [InlineData("5-1 * * * *", "field 1 (minute): range '5-1' goes backwards")]
    [InlineData("*/0 * * * *", "field 1 (minute): step 0 is out of range 1-59")]
    [InlineData("* * * FOO *", "field 4 (month): value 'FOO' is not a number")]
    public void Invalid_expressions_say_which_field_is_wrong(string expression, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => CronSchedule.Parse(expression)).Message, StringComparison.Ordinal);

    [Fact]
    public void Intervals_align_to_the_epoch() =>
        Assert.Equal(Start.AddMinutes(15), ScheduleSpec.Every(TimeSpan.FromMinutes(15)).Next(Start.AddMinutes(7)));
}
