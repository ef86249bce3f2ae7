namespace AiWorkload.Messaging.Rules.Tests;

public sealed class SqlRuleActionTests
{
    [Fact]
    public void Documentation_sample_sets_removes_and_sets_a_system_property()
    {
        var message = TestMessages.Create(TestMessages.Order);

        SqlRuleAction.Compile("SET quantity = quantity / 2; REMOVE priority;SET sys.CorrelationId = 'low';").Apply(message);

        Assert.Equal(5L, message.AppProperties["quantity"]);
        Assert.False(message.AppProperties.ContainsKey("priority"));
        Assert.Equal("low", message.SysProperties[SystemProperties.CorrelationId]);
    }

    [Fact]
    public void Set_creates_a_new_property()
    {
        var message = new TestMessage();

        SqlRuleAction.Compile("SET source='routedOrders'").Apply(message);

        Assert.Equal("routedOrders", message.AppProperties["source"]);
    }

    [Fact]
    public void Set_writes_system_properties()
    {
        var message = TestMessages.Create(TestMessages.Order);

        SqlRuleAction.Compile("SET sys.To = 'Store9'; SET sys.Label = sys.Label + '-routed'; SET sys.ReplyTo = color").Apply(message);

        Assert.Equal("Store9", message.SysProperties[SystemProperties.To]);
        Assert.Equal("bus-event-routed", message.SysProperties[SystemProperties.Label]);
        Assert.Equal("red", message.SysProperties[SystemProperties.ReplyTo]);
    }

    [Fact]
    public void System_property_names_and_keywords_are_case_insensitive()
    {
        var message = new TestMessage().App("b", 1);

        SqlRuleAction.Compile("set SYS.to = 'x'; Remove B; sEt user.A = 1").Apply(message);

        Assert.Equal("x", message.SysProperties[SystemProperties.To]);
        Assert.False(message.AppProperties.ContainsKey("b"));
        Assert.Equal(1L, message.AppProperties["a"]);
    }

    [Fact]
    public void Semicolons_are_optional_between_statements()
    {
        var message = TestMessages.Create(TestMessages.Order);

        SqlRuleAction.Compile("SET a = 1 SET b = 'two'\nREMOVE color REMOVE tag;").Apply(message);

        Assert.Equal(1L, message.AppProperties["a"]);
        Assert.Equal("two", message.AppProperties["b"]);
        Assert.False(message.AppProperties.ContainsKey("color"));
        Assert.False(message.AppProperties.ContainsKey("tag"));
    }

    [Fact]
    public void Statements_run_in_order_and_see_earlier_effects()
    {
        var message = new TestMessage();

        SqlRuleAction.Compile("SET a = 1; SET b = a + 1; SET a = b * 10").Apply(message);

        Assert.Equal(20L, message.AppProperties["a"]);
        Assert.Equal(2L, message.AppProperties["b"]);
    }

    [Fact]
    public void Only_the_given_message_changes()
    {
        var original = TestMessages.Create(TestMessages.Order);
        var copy = original.Clone();
        var action = SqlRuleAction.Compile("SET color = 'green'; REMOVE quantity; SET sys.To = 'elsewhere'");

        action.Apply(copy);

        Assert.Equal("green", copy.AppProperties["color"]);
        Assert.Equal("red", original.AppProperties["color"]);
        Assert.Equal(10, original.AppProperties["quantity"]);
        Assert.Equal("Store5", original.SysProperties[SystemProperties.To]);
    }

    [Fact]
    public void Set_converts_implicitly_to_the_existing_type_when_CSharp_would()
    {
        var message = new TestMessage().App("price", 9.5).App("f", 1.5f).App("dec", 1m).App("color", "red").App("count", 3);

        SqlRuleAction.Compile("SET price = 10; SET f = 2; SET dec = 4; SET color = 5; SET count = count * 2").Apply(message);

        Assert.Equal(10.0, message.AppProperties["price"]);
        Assert.Equal(2f, message.AppProperties["f"]);
        Assert.Equal(4m, message.AppProperties["dec"]);

        // No implicit string conversion, and Int64 does not narrow to Int32: the new value keeps its own type.
        Assert.Equal(5L, message.AppProperties["color"]);
        Assert.Equal(6L, message.AppProperties["count"]);
    }

    [Fact]
    public void Copying_a_property_keeps_its_exact_type()
    {
        var message = new TestMessage().App("small", (short)3).App("flag", true).App("when", TestMessages.Created);

        SqlRuleAction.Compile("SET a = small; SET b = flag; SET c = [when]").Apply(message);

        Assert.Equal((short)3, message.AppProperties["a"]);
        Assert.Equal(true, message.AppProperties["b"]);
        Assert.Equal(TestMessages.Created, message.AppProperties["c"]);
    }

    [Fact]
    public void Setting_an_unknown_value_stores_null()
    {
        var message = new TestMessage().App("x", 1);

        SqlRuleAction.Compile("SET x = missing; SET y = missing + 1; SET sys.To = missing").Apply(message);

        Assert.True(message.AppProperties.ContainsKey("x"));
        Assert.Null(message.AppProperties["x"]);
        Assert.Null(message.AppProperties["y"]);
        Assert.Null(message.SysProperties[SystemProperties.To]);
    }

    [Fact]
    public void Newid_gives_each_application_a_fresh_message_id()
    {
        var action = SqlRuleAction.Compile("SET sys.MessageId = newid(); SET user.trace = newid()");
        var first = new TestMessage();
        var second = new TestMessage();

        action.Apply(first);
        action.Apply(second);

        var id = Assert.IsType<string>(first.SysProperties[SystemProperties.MessageId]);
        Assert.True(Guid.TryParseExact(id, "D", out _));
        Assert.NotEqual(id, second.SysProperties[SystemProperties.MessageId]);
        Assert.IsType<Guid>(first.AppProperties["trace"]);
    }

    [Fact]
    public void Remove_clears_a_settable_system_property_and_ignores_missing_user_properties()
    {
        var message = TestMessages.Create(TestMessages.Order);

        SqlRuleAction.Compile("REMOVE sys.To; REMOVE nonexistent").Apply(message);

        Assert.Null(message.SysProperties[SystemProperties.To]);
    }

    [Fact]
    public void Time_typed_system_properties_accept_time_values()
    {
        var message = TestMessages.Create(TestMessages.Order);

        SqlRuleAction.Compile(
            "SET sys.TimeToLive = sys.TimeToLive + duration; SET sys.ScheduledEnqueueTimeUtc = created + duration; SET sys.ForcePersistence = TRUE")
            .Apply(message);

        Assert.Equal(TimeSpan.FromHours(25), message.SysProperties[SystemProperties.TimeToLive]);
        Assert.Equal(TestMessages.Created.AddDays(1), message.SysProperties[SystemProperties.ScheduledEnqueueTimeUtc]);
        Assert.Equal(true, message.SysProperties[SystemProperties.ForcePersistence]);
    }

    [Fact]
    public void Targets_may_use_every_identifier_form()
    {
        var message = new TestMessage();

        SqlRuleAction.Compile("SET [Property With Space] = 1; SET \"Contoso & Northwind\" = 2; SET user.[a]]b] = 3").Apply(message);

        Assert.Equal(1L, message.AppProperties["property with space"]);
        Assert.Equal(2L, message.AppProperties["Contoso & Northwind"]);
        Assert.Equal(3L, message.AppProperties["a]b"]);
    }

    [Fact]
    public void Properties_named_like_statement_keywords_stay_usable()
    {
        var message = new TestMessage().App("set", 1);

        SqlRuleAction.Compile("SET remove = set + 1 REMOVE set").Apply(message);

        Assert.Equal(2L, message.AppProperties["remove"]);
        Assert.False(message.AppProperties.ContainsKey("set"));
    }

    [Fact]
    public void Parameters_supply_constants()
    {
        var parameters = new Dictionary<string, object?> { ["@target"] = "routed", ["factor"] = 3 };
        var message = new TestMessage().App("n", 2);

        SqlRuleAction.Compile("SET source = @target; SET n = n * @factor", parameters).Apply(message);

        Assert.Equal("routed", message.AppProperties["source"]);
        // A parameter keeps its type: Int32 times Int32 is an Int32, as in C#.
        Assert.Equal(6, Assert.IsType<int>(message.AppProperties["n"]));
    }

    [Fact]
    public void A_failing_statement_leaves_earlier_statements_applied()
    {
        var message = new TestMessage().App("zero", 0);
        var action = SqlRuleAction.Compile("SET before = 1; SET broken = 1 / zero; SET after = 1");

        Assert.Throws<RuleEvaluationException>(() => action.Apply(message));

        Assert.True(message.AppProperties.ContainsKey("before"));
        Assert.False(message.AppProperties.ContainsKey("after"));
    }

    [Fact]
    public void Expression_is_kept()
    {
        const string Text = "SET a = 1";

        var action = SqlRuleAction.Compile(Text);

        Assert.Equal(Text, action.Expression);
        Assert.Equal(Text, action.ToString());
    }
}
