using System.Text.RegularExpressions;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

public sealed class IsoDurationTests
{
    /// <summary>The schema's duration pattern, verbatim.</summary>
    private static readonly Regex SchemaPattern = new(@"^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$");

    [Theory]
    [InlineData(0, "PT0S")]
    [InlineData(5, "PT5S")]
    [InlineData(20, "PT20S")]
    [InlineData(60, "PT1M")]
    [InlineData(90, "PT1M30S")]
    [InlineData(3600, "PT1H")]
    [InlineData(3661, "PT1H1M1S")]
    [InlineData(86400, "P1D")]
    [InlineData(93600, "P1DT2H")]
    [InlineData(86405, "P1DT5S")]
    [InlineData(14 * 86400, "P14D")]
    public void Whole_seconds_format_to_the_schemas_pattern_and_parse_back(int seconds, string expected)
    {
        var text = IsoDuration.Format(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, text);
        Assert.Matches(SchemaPattern, text);
        Assert.True(IsoDuration.TryParse(text, out var parsed));
        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed);
    }

    [Fact]
    public void Fractions_and_negative_values_are_not_formatted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IsoDuration.Format(TimeSpan.FromMilliseconds(1500)));
        Assert.Throws<ArgumentOutOfRangeException>(() => IsoDuration.Format(TimeSpan.FromSeconds(-1)));
    }

    [Theory]
    [InlineData("PT1X")]
    [InlineData("1 hour")]
    [InlineData("")]
    [InlineData("P99999999999D")]
    public void Text_that_is_not_a_duration_does_not_parse(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }
}
