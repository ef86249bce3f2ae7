namespace AiWorkload.Messaging.Rules.Tests;

public sealed class SyntaxErrorTests
{
    private const string Comparison = "a comparison (=, <>, !=, <, <=, >, >=, IS, IN or LIKE)";
    private const string Continuation = "AND, OR or the end of the expression";
    private const string End = "end of expression";

    [Fact]
    public void Message_quotes_the_expression_with_position_expected_and_found()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => SqlFilter.Compile("user.a = = 1"));

        Assert.Equal("Syntax error at position 9 in 'user.a = = 1': expected an expression but found '='.", error.Message);
        Assert.Equal("user.a = = 1", error.Expression);
        Assert.Equal(9, error.Position);
        Assert.Equal("an expression", error.Expected);
        Assert.Equal("'='", error.Found);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Theory]
    // Unbalanced parentheses.
    [InlineData("(color = 'red'", 14, "')'", End)]
    [InlineData("((color = 'red')", 16, "')'", End)]
    [InlineData("color = 'red')", 13, Continuation, "')'")]
    [InlineData("(color = 'red') = TRUE", 0, "an expression", "a condition")]
    // Missing operands and operators.
    [InlineData("color = ", 8, "an expression", End)]
    [InlineData("= 1", 0, "an expression", "'='")]
    [InlineData("quantity + * 2 = 1", 11, "an expression", "'*'")]
    [InlineData("color = 'red' AND", 17, "an expression", End)]
    [InlineData("color", 5, Comparison, End)]
    [InlineData("color AND quantity = 1", 6, Comparison, "'AND'")]
    [InlineData("NOT 1", 5, Comparison, End)]
    [InlineData("color NOT = 'red'", 10, "IN or LIKE after NOT", "'='")]
    [InlineData("color IN ()", 10, "an expression", "')'")]
    [InlineData("color IN ('a' 'b')", 14, "',' or ')'", "''b''")]
    [InlineData("color IS 'x'", 9, "NULL", "''x''")]
    [InlineData("1 IS NULL", 0, "a property before IS", "'1'")]
    // Bad literals.
    [InlineData("name = 'unterminated", 7, "a closing quote (') to end the string", End)]
    [InlineData("name = 'O'Brien'", 10, Continuation, "'Brien'")]
    [InlineData("[color = 'red'", 0, "a closing bracket (]) to end the name", End)]
    [InlineData("\"color = 'red'", 0, "a closing double quote (\") to end the name", End)]
    [InlineData("[] = 1", 1, "a property name", "']'")]
    [InlineData("99999999999999999999 = 1", 0, "an integer within the range of Int64", "'99999999999999999999'")]
    [InlineData("1E400 = 1", 0, "a number within the range of Double", "'1E400'")]
    [InlineData("color = #", 8, "an expression", "'#'")]
    [InlineData("_x = 1", 0, "an expression", "'_'")]
    // Functions, scopes and system properties.
    [InlineData("foo(1) = 1", 0, "a function (newid, property or p)", "'foo'")]
    [InlineData("newid(1) = 1", 6, "')' (newid takes no arguments)", "'1'")]
    [InlineData("p(5) = 1", 2, "a String property name", "'5'")]
    [InlineData("p('sys.Nope') = 1", 2, "the name of a system property after 'sys.'", "''sys.Nope''")]
    [InlineData("x.y = 1", 0, "the scope 'sys' or 'user' before '.'", "'x'")]
    [InlineData("user.and = 1", 5, "a property name", "'and'")]
    [InlineData("EXISTS(1)", 7, "a property", "'1'")]
    [InlineData("@p = 1", 0, "a parameter defined for this rule", "'@p'")]
    // LIKE operands known at compile time.
    [InlineData("color LIKE 5", 11, "a String pattern", "'5'")]
    [InlineData("color LIKE 'a' ESCAPE 'ab'", 22, "a one-character String escape", "''ab''")]
    [InlineData("color LIKE 'a!' ESCAPE '!'", 11, "a pattern that does not end with its escape character", "''a!''")]
    // Trailing garbage and empty input.
    [InlineData("color = 'red' xyz", 14, Continuation, "'xyz'")]
    [InlineData("color = 'red';", 13, Continuation, "';'")]
    [InlineData("", 0, "a condition", End)]
    [InlineData("   ", 3, "a condition", End)]
    public void Filter_errors_point_at_the_offending_token(string expression, int position, string expected, string found)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => SqlFilter.Compile(expression));

        Assert.Equal(expression, error.Expression);
        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.Equal(found, error.Found);
        Assert.Equal($"Syntax error at position {position} in '{expression}': expected {expected} but found {found}.", error.Message);
    }

    [Fact]
    public void Unknown_system_property_is_a_syntax_error_at_its_name()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => SqlFilter.Compile("color = 'red' AND sys.Colour = 'x'"));

        Assert.Equal(22, error.Position);
        Assert.StartsWith("a system property name", error.Expected, StringComparison.Ordinal);
        Assert.Equal("'Colour'", error.Found);
        Assert.Contains("'color = 'red' AND sys.Colour = 'x''", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_tokens_are_shortened_in_the_message()
    {
        var name = new string('a', 60);
        var error = Assert.Throws<RuleSyntaxException>(() => SqlFilter.Compile($"color = 'red' {name}"));

        Assert.Equal($"'{new string('a', 40)}...'", error.Found);
    }

    [Theory]
    [InlineData("", 0, "SET or REMOVE", End)]
    [InlineData("SET", 3, "a property to set", End)]
    [InlineData("REMOVE", 6, "a property to remove", End)]
    [InlineData("SET a 1", 6, "'='", "'1'")]
    [InlineData("SET a = ", 8, "an expression", End)]
    [InlineData("SET a = (b = 1)", 8, "an expression", "a condition")]
    [InlineData("SET a = 1 FOO", 10, "';', SET, REMOVE or the end of the action", "'FOO'")]
    [InlineData("SET a = 1;;", 10, "';', SET, REMOVE or the end of the action", "';'")]
    [InlineData("DELETE a", 0, "SET or REMOVE", "'DELETE'")]
    [InlineData("SET p('a') = 1", 5, "'='", "'('")]
    [InlineData("SET sys.To = 5", 13, "a String value for sys.To", "'5'")]
    [InlineData("SET sys.TimeToLive = 'x'", 21, "a TimeSpan value for sys.TimeToLive", "''x''")]
    [InlineData("SET sys.Nope = 1", 8, "a system property name (MessageId, CorrelationId, Label, To, ReplyTo, SessionId, ...)", "'Nope'")]
    public void Action_errors_point_at_the_offending_token(string expression, int position, string expected, string found)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => SqlRuleAction.Compile(expression));

        Assert.Equal(expression, error.Expression);
        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.Equal(found, error.Found);
    }

    [Theory]
    [InlineData("SET sys.SequenceNumber = 1", "SequenceNumber")]
    [InlineData("SET sys.EnqueuedTimeUtc = sys.ScheduledEnqueueTimeUtc", "EnqueuedTimeUtc")]
    [InlineData("REMOVE sys.DeliveryCount", "DeliveryCount")]
    public void Actions_cannot_write_broker_assigned_system_properties(string expression, string property)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => SqlRuleAction.Compile(expression));

        Assert.Equal(expression.IndexOf(property, StringComparison.Ordinal), error.Position);
        Assert.StartsWith("a settable system property", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Expressions_are_limited_to_the_service_quota_of_1024_characters()
    {
        var longest = "color = '" + new string('x', SqlFilter.MaxLength - 10) + "'";
        var tooLong = longest + " ";

        Assert.Equal(1024, longest.Length);
        SqlFilter.Compile(longest);
        var error = Assert.Throws<RuleSyntaxException>(() => SqlFilter.Compile(tooLong));
        Assert.Equal(1024, error.Position);
        Assert.Equal("1025 characters", error.Found);
        Assert.Throws<RuleSyntaxException>(() => SqlRuleAction.Compile("SET a = '" + new string('x', 1020) + "'"));
    }

    [Fact]
    public void Actions_are_limited_to_32_statements()
    {
        var statements = Enumerable.Range(0, 33).Select(i => $"SET a{i} = {i}").ToArray();

        SqlRuleAction.Compile(string.Join("; ", statements[..32]));
        var error = Assert.Throws<RuleSyntaxException>(() => SqlRuleAction.Compile(string.Join("; ", statements)));

        Assert.Equal(string.Join("; ", statements[..32]).Length + 2, error.Position);
        Assert.Equal("'SET'", error.Found);
    }

    [Theory]
    [InlineData("(", "1 = 1", ")")]
    [InlineData("NOT ", "1 = 1", "")]
    [InlineData("- ", "quantity = 1", "")]
    [InlineData("1 + ", "1 = 2", "")]
    public void The_deepest_nesting_the_quota_allows_compiles_and_evaluates(string prefix, string core, string suffix)
    {
        var depth = (SqlFilter.MaxLength - core.Length) / (prefix.Length + suffix.Length);
        var expression = string.Concat(Enumerable.Repeat(prefix, depth)) + core + string.Concat(Enumerable.Repeat(suffix, depth));

        var filter = SqlFilter.Compile(expression);

        Assert.True(expression.Length > SqlFilter.MaxLength - prefix.Length - suffix.Length);
        filter.Matches(TestMessages.Create(TestMessages.Order));
    }
}
