// Targets Pulumi 3.114.2 (Input<T>, Output<T>); see Directory.Packages.props.
using AiWorkload.Messaging.Topology;
using Pulumi;

namespace AiWorkload.Infra.Tests;

/// <summary>Durations and the $Default choice; in the Pulumi collection because outputs are resolved here too.</summary>
[Collection(PulumiCollection.Name)]
public sealed class EntityArgsMapperTests
{
    [Theory]
    [InlineData(60, "PT1M")]
    [InlineData(20, "PT20S")]
    [InlineData(600, "PT10M")]
    [InlineData(93_784, "P1DT2H3M4S")]
    [InlineData(1_209_600, "P14D")]
    public void Durations_are_iso_8601(int seconds, string expected)
    {
        Assert.Equal(expected, EntityArgsMapper.ToIso8601(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Fractions_of_a_second_zero_and_negative_durations_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EntityArgsMapper.ToIso8601(TimeSpan.FromMilliseconds(1500)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntityArgsMapper.ToIso8601(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntityArgsMapper.ToIso8601(TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public async Task Never_expires_is_left_out_and_other_lifetimes_are_sent()
    {
        Assert.Null(EntityArgsMapper.TimeToLive(TimeSpan.MaxValue));
        Assert.Null(EntityArgsMapper.TimeToLive(EntityDefaults.MessageTimeToLive));
        Output<string> day = EntityArgsMapper.TimeToLive(TimeSpan.FromDays(1))!;
        Assert.Equal("P1D", await day.GetValueAsync());
    }

    [Fact]
    public async Task The_duplicate_window_is_sent_only_with_duplicate_detection()
    {
        Assert.Null(EntityArgsMapper.DuplicateWindow(false, TimeSpan.FromMinutes(10)));
        Output<string> window = EntityArgsMapper.DuplicateWindow(true, TimeSpan.FromMinutes(10))!;
        Assert.Equal("PT10M", await window.GetValueAsync());
    }

    [Fact]
    public void The_rule_that_takes_over_default_is_the_declared_default_then_the_first_rule()
    {
        var first = RuleDefinition.Sql("first", "user.a = 1");
        var declaredDefault = RuleDefinition.Sql(EntityDefaults.DefaultRuleName, "user.b = 2");

        Assert.Same(RuleDefinition.Default, RuleArgsMapper.DefaultRuleFor(new SubscriptionDefinition("none")));
        Assert.Same(first, RuleArgsMapper.DefaultRuleFor(new SubscriptionDefinition("one") { Rules = [first] }));
        Assert.Same(declaredDefault, RuleArgsMapper.DefaultRuleFor(new SubscriptionDefinition("two") { Rules = [first, declaredDefault] }));
        Assert.Same(first, Assert.Single(RuleArgsMapper.AdditionalRules(new SubscriptionDefinition("two") { Rules = [first, declaredDefault] })));
        Assert.Empty(RuleArgsMapper.AdditionalRules(new SubscriptionDefinition("none")));
    }
}
