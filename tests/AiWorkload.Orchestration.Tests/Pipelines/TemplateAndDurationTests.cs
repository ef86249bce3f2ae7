using AiWorkload.Orchestration.Pipelines.Loading;
using AiWorkload.Orchestration.Templates;

namespace AiWorkload.Orchestration.Tests.Pipelines;

public sealed class TemplateAndDurationTests
{
    [Theory]
    [InlineData("30s", 0, 0, 30)]
    [InlineData("5m", 0, 5, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("PT2H", 2, 0, 0)]
    [InlineData("00:00:45", 0, 0, 45)]
    public void Durations_parse_in_the_usual_forms(string text, int hours, int minutes, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(new TimeSpan(hours, minutes, seconds), duration);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("soon")]
    [InlineData("5x")]
    public void Ambiguous_or_unknown_durations_are_rejected(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Fact]
    public void Templates_render_references_and_keep_escaped_ones_literal()
    {
        var template = Template.Parse("model ${run.modelId} costs $${price} at ${item.rate}");

        var rendered = template.Render(r => r.Expression switch { "run.modelId" => "churn", "item.rate" => "3", _ => null });

        Assert.Equal("model churn costs ${price} at 3", rendered);
        Assert.Equal(["run.modelId", "item.rate"], template.References.Select(r => r.Expression));
        Assert.Equal("${run.nothing} has no value", Assert.Throws<TemplateException>(() => Template.Parse("${run.nothing}").Render(_ => null)).Message);
        Assert.Contains("is not a reference", Assert.Throws<TemplateException>(() => Template.Parse("${run..id}")).Message, StringComparison.Ordinal);
    }
}
