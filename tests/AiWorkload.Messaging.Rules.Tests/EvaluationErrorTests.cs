namespace AiWorkload.Messaging.Rules.Tests;

public sealed class EvaluationErrorTests
{
    [Theory]
    [InlineData("quantity / zero = 1", "division by zero")]
    [InlineData("quantity % zero = 1", "division by zero")]
    [InlineData("color = 5", "operator '=' cannot be applied to operands of type 'String' and 'Int64'")]
    [InlineData("5 = color", "operator '=' cannot be applied to operands of type 'Int64' and 'String'")]
    [InlineData("quantity > 'a'", "operator '>' cannot be applied to operands of type 'Int64' and 'String'")]
    [InlineData("isUrgent < TRUE", "operator '<' cannot be applied to operands of type 'Boolean' and 'Boolean'")]
    [InlineData("id = 'x'", "operator '=' cannot be applied to operands of type 'Guid' and 'String'")]
    [InlineData("isUrgent * 2 = 1", "operator '*' cannot be applied to operands of type 'Boolean' and 'Int64'")]
    [InlineData("-color = 1", "operator '-' cannot be applied to an operand of type 'String'")]
    [InlineData("p(badsys) = 1", "'sys.Nope' is not a system property")]
    [InlineData("p(quantity) = 1", "property() needs a String name but got a value of type 'Int64'")]
    [InlineData("color LIKE quantity", "the LIKE pattern must be a String but is of type 'Int64'")]
    [InlineData("color LIKE pat ESCAPE color", "the LIKE escape must be a String of length 1")]
    [InlineData("-9223372036854775808 / neg1 = 1", "arithmetic overflow")]
    public void Message_names_the_expression_and_the_reason(string expression, string reason)
    {
        var message = TestMessages.Create(TestMessages.Order).App("neg1", -1L);
        var filter = SqlFilter.Compile(expression);

        var error = Assert.Throws<RuleEvaluationException>(() => filter.Matches(message));

        Assert.Equal(expression, error.Expression);
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"Evaluation of '{expression}' failed: {reason}.", error.Message);
    }

    [Fact]
    public void A_pattern_ending_in_its_escape_fails_when_computed()
    {
        var message = new TestMessage().App("s", "abc").App("pattern", "ab!");
        var filter = SqlFilter.Compile("s LIKE pattern ESCAPE '!'");

        var error = Assert.Throws<RuleEvaluationException>(() => filter.Matches(message));

        Assert.Contains("ends with its escape character", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_depend_on_the_message_not_on_the_filter()
    {
        var filter = SqlFilter.Compile("quantity = 10");

        Assert.True(filter.Matches(new TestMessage().App("quantity", 10)));
        Assert.Throws<RuleEvaluationException>(() => filter.Matches(new TestMessage().App("quantity", "10")));
        Assert.False(filter.Matches(new TestMessage()));
    }

    [Fact]
    public void Action_errors_name_the_action()
    {
        var action = SqlRuleAction.Compile("SET sys.To = quantity");
        var message = TestMessages.Create(TestMessages.Order);

        var error = Assert.Throws<RuleEvaluationException>(() => action.Apply(message));

        Assert.Equal("SET sys.To = quantity", error.Expression);
        Assert.Equal("a value of type 'Int64' cannot be assigned to sys.To, which is of type 'String'", error.Reason);
    }
}
