namespace AiWorkload.Messaging.Rules.Tests;

public sealed class CorrelationFilterTests
{
    public static TheoryData<string> SystemPropertyNames =>
    [
        SystemProperties.CorrelationId,
        SystemProperties.MessageId,
        SystemProperties.To,
        SystemProperties.ReplyTo,
        SystemProperties.Label,
        SystemProperties.SessionId,
        SystemProperties.ReplyToSessionId,
        SystemProperties.ContentType,
    ];

    [Theory]
    [MemberData(nameof(SystemPropertyNames))]
    public void Each_system_property_matches_exactly_and_case_sensitively(string property)
    {
        var filter = FilterOn(property, "Value-1");

        Assert.True(filter.Matches(new TestMessage().Sys(property, "Value-1")));
        Assert.False(filter.Matches(new TestMessage().Sys(property, "value-1")));
        Assert.False(filter.Matches(new TestMessage().Sys(property, "Value-1 ")));
        Assert.False(filter.Matches(new TestMessage()));
    }

    [Fact]
    public void Subject_is_the_Label_system_property()
    {
        var filter = new CorrelationFilter { Subject = "red" };

        Assert.True(filter.Matches(new TestMessage().Sys(SystemProperties.Label, "red")));
    }

    [Fact]
    public void Application_properties_match_by_case_insensitive_name_and_exact_value()
    {
        var filter = new CorrelationFilter { ApplicationProperties = new Dictionary<string, object?> { ["Color"] = "Red" } };

        Assert.True(filter.Matches(new TestMessage().App("color", "Red")));
        Assert.False(filter.Matches(new TestMessage().App("color", "red")));
        Assert.False(filter.Matches(new TestMessage().App("colour", "Red")));
        Assert.False(filter.Matches(new TestMessage()));
    }

    [Fact]
    public void Values_of_different_types_do_not_match_but_numbers_compare_by_value()
    {
        var filter = new CorrelationFilter { ApplicationProperties = new Dictionary<string, object?> { ["version"] = 2L } };

        Assert.True(filter.Matches(new TestMessage().App("version", 2)));
        Assert.True(filter.Matches(new TestMessage().App("version", 2.0)));
        Assert.False(filter.Matches(new TestMessage().App("version", "2")));
        Assert.False(filter.Matches(new TestMessage().App("version", 3)));
    }

    [Fact]
    public void Other_value_types_compare_by_equality()
    {
        var id = Guid.NewGuid();
        var filter = new CorrelationFilter
        {
            ApplicationProperties = new Dictionary<string, object?> { ["id"] = id, ["flag"] = true, ["bytes"] = new byte[] { 1, 2 } },
        };

        Assert.True(filter.Matches(new TestMessage().App("id", id).App("flag", true).App("bytes", new byte[] { 1, 2 })));
        Assert.False(filter.Matches(new TestMessage().App("id", id).App("flag", false).App("bytes", new byte[] { 1, 2 })));
        Assert.False(filter.Matches(new TestMessage().App("id", id.ToString()).App("flag", true).App("bytes", new byte[] { 1, 2 })));
    }

    [Fact]
    public void A_null_value_matches_only_a_present_null()
    {
        var filter = new CorrelationFilter { ApplicationProperties = new Dictionary<string, object?> { ["x"] = null } };

        Assert.True(filter.Matches(new TestMessage().App("x", null)));
        Assert.False(filter.Matches(new TestMessage()));
        Assert.False(filter.Matches(new TestMessage().App("x", "")));
    }

    [Fact]
    public void All_conditions_are_ANDed()
    {
        var filter = new CorrelationFilter
        {
            CorrelationId = "high",
            Subject = "red",
            ApplicationProperties = new Dictionary<string, object?> { ["priority"] = "high", ["quantity"] = 10 },
        };
        TestMessage Message() => new TestMessage()
            .Sys(SystemProperties.CorrelationId, "high").Sys(SystemProperties.Label, "red")
            .App("priority", "high").App("quantity", 10);

        Assert.True(filter.Matches(Message()));
        Assert.False(filter.Matches(Message().Sys(SystemProperties.CorrelationId, "low")));
        Assert.False(filter.Matches(Message().Sys(SystemProperties.Label, null)));
        Assert.False(filter.Matches(Message().App("priority", "low")));
        Assert.False(filter.Matches(Message().App("quantity", 11)));
    }

    [Fact]
    public void Documentation_sample_is_equivalent_to_its_SQL()
    {
        var correlation = new CorrelationFilter
        {
            Subject = "Important",
            ReplyTo = "johndoe@contoso.com",
            ApplicationProperties = new Dictionary<string, object?> { ["color"] = "Red" },
        };
        var sql = SqlFilter.Compile("sys.ReplyTo = 'johndoe@contoso.com' AND sys.Label = 'Important' AND color = 'Red'");
        TestMessage[] messages =
        [
            new TestMessage().Sys(SystemProperties.ReplyTo, "johndoe@contoso.com").Sys(SystemProperties.Label, "Important").App("color", "Red"),
            new TestMessage().Sys(SystemProperties.ReplyTo, "johndoe@contoso.com").Sys(SystemProperties.Label, "Important").App("color", "red"),
            new TestMessage().Sys(SystemProperties.ReplyTo, "johndoe@contoso.com").App("color", "Red"),
            new TestMessage().Sys(SystemProperties.Label, "Important").App("color", "Red"),
            new TestMessage(),
        ];

        Assert.All(messages, m => Assert.Equal(sql.Matches(m), correlation.Matches(m)));
        Assert.Equal(
            "sys.ReplyTo = 'johndoe@contoso.com' AND sys.Label = 'Important' AND [color] = 'Red'",
            correlation.ToString());
    }

    [Fact]
    public void An_empty_filter_is_invalid()
    {
        var empty = new CorrelationFilter();
        var emptyProperties = new CorrelationFilter { ApplicationProperties = new Dictionary<string, object?>() };

        Assert.Throws<ArgumentException>(empty.Validate);
        Assert.Throws<ArgumentException>(() => empty.Matches(new TestMessage()));
        Assert.Throws<ArgumentException>(emptyProperties.Validate);
    }

    [Fact]
    public void An_empty_string_is_a_value_to_match()
    {
        var filter = new CorrelationFilter { SessionId = string.Empty };

        filter.Validate();
        Assert.True(filter.Matches(new TestMessage().Sys(SystemProperties.SessionId, string.Empty)));
        Assert.False(filter.Matches(new TestMessage()));
    }

    private static CorrelationFilter FilterOn(string property, string value) => property switch
    {
        SystemProperties.CorrelationId => new CorrelationFilter { CorrelationId = value },
        SystemProperties.MessageId => new CorrelationFilter { MessageId = value },
        SystemProperties.To => new CorrelationFilter { To = value },
        SystemProperties.ReplyTo => new CorrelationFilter { ReplyTo = value },
        SystemProperties.Label => new CorrelationFilter { Subject = value },
        SystemProperties.SessionId => new CorrelationFilter { SessionId = value },
        SystemProperties.ReplyToSessionId => new CorrelationFilter { ReplyToSessionId = value },
        SystemProperties.ContentType => new CorrelationFilter { ContentType = value },
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };
}
