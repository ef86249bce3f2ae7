using AiWorkload.Messaging.Rules.Tests.Conformance;

namespace AiWorkload.Messaging.Rules.Tests;

public sealed class SqlFilterConformanceTests
{
    public static TheoryData<string, string, Expect> Cases => ConformanceCases.Rows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_behaves_as_documented(string expression, string message, Expect expected)
    {
        if (expected == Expect.SyntaxError)
        {
            Assert.Throws<RuleSyntaxException>(() => SqlFilter.Compile(expression));
            return;
        }

        var filter = SqlFilter.Compile(expression);
        var target = TestMessages.Create(message);
        if (expected == Expect.EvaluationError)
        {
            Assert.Throws<RuleEvaluationException>(() => filter.Matches(target));
            return;
        }

        Assert.Equal(expected == Expect.Match, filter.Matches(target));
    }

    [Fact]
    public void The_table_has_at_least_150_distinct_cases()
    {
        var rows = ConformanceCases.All;
        Assert.True(rows.Count >= 150, $"only {rows.Count} cases");
        var duplicates = rows.GroupBy(r => (r.Expression, r.Message)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_outcome_and_message_is_exercised()
    {
        var rows = ConformanceCases.All;
        foreach (var outcome in Enum.GetValues<Expect>())
        {
            Assert.Contains(rows, r => r.Expected == outcome);
        }

        Assert.All(rows.Select(r => r.Message).Distinct(), name => Assert.NotNull(TestMessages.Create(name)));
    }
}
