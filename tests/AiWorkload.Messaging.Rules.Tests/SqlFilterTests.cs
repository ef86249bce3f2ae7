namespace AiWorkload.Messaging.Rules.Tests;

public sealed class SqlFilterTests
{
    [Fact]
    public void Expression_is_kept()
    {
        var filter = SqlFilter.Compile("user.trigger = 'model_training'");

        Assert.Equal("user.trigger = 'model_training'", filter.Expression);
        Assert.Equal(filter.Expression, filter.ToString());
    }

    [Theory]
    [InlineData("1=1", true, false)]
    [InlineData("1 = 1 AND 'a' = 'a'", true, false)]
    [InlineData("1=0", false, true)]
    [InlineData("NULL = 1", false, true)]
    [InlineData("color = 'red'", false, false)]
    [InlineData("1=1 AND color = 'red'", false, false)]
    [InlineData("1=0 AND color = 'red'", false, true)]
    [InlineData("1=1 OR color = 'red'", true, false)]
    [InlineData("color = 'red' AND 1=0", false, false)]
    public void Constant_filters_are_recognised(string expression, bool always, bool never)
    {
        var filter = SqlFilter.Compile(expression);

        Assert.Equal(always, filter.AlwaysMatches);
        Assert.Equal(never, filter.NeverMatches);
    }

    [Fact]
    public void Constant_filters_do_not_read_the_message()
    {
        var untouchable = new ThrowingMessage();

        Assert.True(SqlFilter.Compile("1=1").Matches(untouchable));
        Assert.True(SqlFilter.Compile("(2 + 3) * 4 = 20 OR color = 'x'").Matches(untouchable));
        Assert.False(SqlFilter.Compile("'a' LIKE 'b%'").Matches(untouchable));
        Assert.False(SqlFilter.Compile("1=0 AND color = 'x'").Matches(untouchable));
    }

    [Fact]
    public void True_and_false_filters()
    {
        var message = new TestMessage();

        Assert.True(TrueFilter.Instance.Matches(message));
        Assert.False(FalseFilter.Instance.Matches(message));
        Assert.Equal("1=1", TrueFilter.Instance.Expression);
        Assert.Equal("1=0", FalseFilter.Instance.Expression);
        Assert.True(SqlFilter.Compile(TrueFilter.Instance.Expression).AlwaysMatches);
        Assert.True(SqlFilter.Compile(FalseFilter.Instance.Expression).NeverMatches);
    }

    [Fact]
    public void Parameters_are_bound_by_name_with_or_without_the_at_sign()
    {
        var parameters = new Dictionary<string, object?>
        {
            ["@stringParam"] = "orders",
            ["dtParam"] = TestMessages.Created.AddHours(1),
            ["@timespan"] = TimeSpan.FromDays(2),
        };
        var filter = SqlFilter.Compile("source = @stringParam AND DateTimeMp < @DTPARAM AND later - created <= @timespan", parameters);
        var message = TestMessages.Create(TestMessages.Order).App("source", "orders").App("DateTimeMp", TestMessages.Created);

        Assert.True(filter.Matches(message));
        Assert.False(filter.Matches(message.App("source", "returns")));
    }

    [Fact]
    public void Missing_parameters_are_syntax_errors()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => SqlFilter.Compile("a = @x", new Dictionary<string, object?> { ["@y"] = 1 }));

        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void Dynamic_like_patterns_follow_the_property()
    {
        var filter = SqlFilter.Compile("name LIKE pattern");

        Assert.True(filter.Matches(new TestMessage().App("name", "alpha").App("pattern", "a%")));
        Assert.False(filter.Matches(new TestMessage().App("name", "alpha").App("pattern", "b%")));
        Assert.True(filter.Matches(new TestMessage().App("name", "beta").App("pattern", "b%")));
    }

    [Fact]
    public void A_filter_is_safe_to_share_between_threads()
    {
        var filter = SqlFilter.Compile("name LIKE pattern AND n % 2 = 0");

        Parallel.For(0, 20_000, i =>
        {
            var message = new TestMessage().App("name", $"item{i}").App("pattern", $"item{i % 7}%").App("n", i);
            var expected = $"item{i}".StartsWith($"item{i % 7}", StringComparison.Ordinal) && i % 2 == 0;
            Assert.Equal(expected, filter.Matches(message));
        });
    }

    [Theory]
    [InlineData("user.trigger = 'model_training'")]
    [InlineData("user.trigger = 'model_training' AND quantity > 5")]
    [InlineData("color IN ('red', 'green', 'blue') OR sys.Label LIKE 'bus%'")]
    [InlineData("quantity * 2 + 1 >= 21.0 AND price / 2 < 5")]
    public void Evaluating_typical_filters_does_not_allocate(string expression)
    {
        var filter = SqlFilter.Compile(expression);
        var message = TestMessages.Create(TestMessages.Order).App("trigger", "model_training");
        Assert.True(filter.Matches(message));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            filter.Matches(message);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SqlFilter.Compile(null!));
        Assert.Throws<ArgumentNullException>(() => SqlRuleAction.Compile(null!));
    }

    private sealed class ThrowingMessage : IRuleMessage
    {
        public object? GetSystemProperty(string name) => throw new InvalidOperationException();

        public void SetSystemProperty(string name, object? value) => throw new InvalidOperationException();

        public bool TryGetApplicationProperty(string name, out object? value) => throw new InvalidOperationException();

        public void SetApplicationProperty(string name, object? value) => throw new InvalidOperationException();

        public bool RemoveApplicationProperty(string name) => throw new InvalidOperationException();
    }
}
