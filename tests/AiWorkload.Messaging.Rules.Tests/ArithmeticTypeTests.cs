namespace AiWorkload.Messaging.Rules.Tests;

/// <summary>
/// Arithmetic binds as C# does (the SQL filter and action pages say so): the result has the operands' promoted type,
/// and integer types wrap in C#'s default unchecked context. Each expected value below is what the same C# expression
/// evaluates to.
/// </summary>
public sealed class ArithmeticTypeTests
{
    public static TheoryData<string, object, object, object> Binary() => new()
    {
        { "a + b", 1, 2, 3 },
        { "a + b", int.MaxValue, 1, unchecked(int.MaxValue + 1) },
        { "a * b", 65536, 65536, unchecked(65536 * 65536) },
        { "a - b", int.MinValue, 1, unchecked(int.MinValue - 1) },
        { "a / b", 7, 2, 3 },
        { "a % b", -7, 2, -1 },
        { "a + b", (short)1, (short)2, 3 },
        { "a + b", (byte)200, (byte)100, 300 },
        { "a + b", (sbyte)-1, (ushort)1, 0 },
        { "a + b", 1, 2L, 3L },
        { "a * b", int.MaxValue, 2L, (long)int.MaxValue * 2 },
        { "a + b", 1u, 2u, 3u },
        { "a - b", 1u, 2u, unchecked(1u - 2u) },
        { "a + b", 1u, (ushort)2, 3u },
        { "a + b", 1u, 2, 3L },
        { "a + b", 1u, (short)-2, -1L },
        { "a + b", ulong.MaxValue, 1ul, unchecked(ulong.MaxValue + 1) },
        { "a + b", ulong.MaxValue - 1, 1u, ulong.MaxValue },
        { "a + b", 1.5f, 2.25f, 3.75f },
        { "a + b", 1.5f, 2, 3.5f },
        { "a + b", 1.5f, 2.0, 3.5 },
        { "a + b", 1, 0.5, 1.5 },
        { "a + b", 1.5m, 2.25m, 3.75m },
        { "a * b", 1.5m, 3, 4.5m },
        { "a / b", 1m, 3L, 1m / 3 },
        { "a + b", 1.5m, 0.5, 2.0 },
    };

    [Theory]
    [MemberData(nameof(Binary))]
    public void A_result_has_the_promoted_CSharp_type_and_value(string expression, object a, object b, object expected)
    {
        var message = new TestMessage().App("a", a).App("b", b);

        SqlRuleAction.Compile($"SET r = {expression}").Apply(message);

        var stored = message.AppProperties["r"];
        Assert.Equal(expected.GetType(), stored!.GetType());
        Assert.Equal(expected, stored);
    }

    [Fact]
    public void Two_Int32_properties_add_up_to_an_Int32_and_chains_stay_Int32()
    {
        var message = new TestMessage().App("i1", 2).App("i2", 3).App("i3", 4);

        SqlRuleAction.Compile("SET r = i1 + i2; SET s = i1 * i2 - i3; SET t = r + 1").Apply(message);

        Assert.Equal(5, Assert.IsType<int>(message.AppProperties["r"]));
        Assert.Equal(2, Assert.IsType<int>(message.AppProperties["s"]));

        // Every integer constant is an Int64, so adding one widens, as int + long does in C#.
        Assert.Equal(6L, Assert.IsType<long>(message.AppProperties["t"]));
    }

    [Fact]
    public void An_Int32_result_set_on_an_existing_Int64_property_widens_to_it()
    {
        var message = new TestMessage().App("i1", 2).App("i2", 3).App("total", 0L);

        SqlRuleAction.Compile("SET total = i1 + i2").Apply(message);

        Assert.Equal(5L, Assert.IsType<long>(message.AppProperties["total"]));
    }

    public static TheoryData<object, object> Negations() => new()
    {
        { 5, -5 },
        { int.MinValue, unchecked(-int.MinValue) },
        { (short)5, -5 },
        { (byte)5, -5 },
        { 5u, -5L },
        { 5L, -5L },
        { 1.5f, -1.5f },
        { 1.5, -1.5 },
        { 1.5m, -1.5m },
    };

    [Theory]
    [MemberData(nameof(Negations))]
    public void Unary_minus_has_the_CSharp_type(object value, object expected)
    {
        var message = new TestMessage().App("a", value);

        SqlRuleAction.Compile("SET r = -a; SET p = +a").Apply(message);

        Assert.Equal(expected.GetType(), message.AppProperties["r"]!.GetType());
        Assert.Equal(expected, message.AppProperties["r"]);
        Assert.Equal(expected.GetType() == typeof(long) && value is uint ? typeof(uint) : expected.GetType(), message.AppProperties["p"]!.GetType());
    }

    [Theory]
    [InlineData("a / b", 1, 0, "division by zero")]
    [InlineData("a % b", 1, 0, "division by zero")]
    [InlineData("a / b", int.MinValue, -1, "arithmetic overflow")]
    [InlineData("a / b", 1u, 0u, "division by zero")]
    [InlineData("a + b", ulong.MaxValue, -1, "operator '+' cannot be applied to operands of type 'UInt64' and 'Int32'")]
    [InlineData("-a", ulong.MaxValue, 0, "operator '-' cannot be applied to an operand of type 'UInt64'")]
    public void Integer_failures_are_CSharp_failures(string expression, object a, object b, string reason)
    {
        var message = new TestMessage().App("a", a).App("b", b);

        var error = Assert.Throws<RuleEvaluationException>(() => SqlRuleAction.Compile($"SET r = {expression}").Apply(message));

        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("a * b", "arithmetic overflow")]
    [InlineData("a / zero", "division by zero")]
    [InlineData("a % zero", "division by zero")]
    public void Decimal_overflow_and_division_by_zero_fail_as_in_CSharp(string expression, string reason)
    {
        var message = new TestMessage().App("a", decimal.MaxValue).App("b", 2m).App("zero", 0m);

        var error = Assert.Throws<RuleEvaluationException>(() => SqlRuleAction.Compile($"SET r = {expression}").Apply(message));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Filters_compare_typed_results_by_value()
    {
        var message = new TestMessage().App("i1", int.MaxValue).App("i2", 1).App("f", 0.5f).App("m", 0.25m);

        Assert.True(SqlFilter.Compile("i1 + i2 < 0").Matches(message)); // Int32 wraps, as unchecked C# does
        Assert.True(SqlFilter.Compile("i1 + 1 > 0").Matches(message)); // the Int64 constant widens the sum
        Assert.True(SqlFilter.Compile("i2 + i2 = 2").Matches(message));
        Assert.True(SqlFilter.Compile("f + f = 1").Matches(message));
        Assert.True(SqlFilter.Compile("m + m = 0.5").Matches(message));
    }
}
