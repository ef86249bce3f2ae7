namespace AiWorkload.Messaging.Rules.Tests.Conformance;

/// <summary>
/// The conformance table: expression, message, expected outcome. Built from the "SQL filter syntax" page (grammar,
/// examples, unknown-evaluation tables), the filter examples page, and the decisions documented in the library.
/// Unless a row names a message, it runs against <see cref="TestMessages.Order"/>.
/// </summary>
public static partial class ConformanceCases
{
    public static IReadOnlyList<ConformanceCase> All { get; } =
    [
        .. Comparisons(),
        .. Arithmetic(),
        .. Logic(),
        .. TruthTables(),
        .. NullsAndExists(),
        .. InLists(),
        .. Like(),
        .. Identifiers(),
        .. SystemScope(),
        .. Functions(),
        .. Literals(),
        .. DocumentationSamples(),
        .. Malformed(),
    ];

    public static TheoryData<string, string, Expect> Rows()
    {
        var data = new TheoryData<string, string, Expect>();
        foreach (var c in All)
        {
            data.Add(c.Expression, c.Message, c.Expected);
        }

        return data;
    }

    private static ConformanceCase M(string expression, string message = TestMessages.Order) => new(expression, message, Expect.Match);

    private static ConformanceCase N(string expression, string message = TestMessages.Order) => new(expression, message, Expect.NoMatch);

    private static ConformanceCase E(string expression, string message = TestMessages.Order) => new(expression, message, Expect.EvaluationError);

    private static ConformanceCase S(string expression) => new(expression, TestMessages.Order, Expect.SyntaxError);
}
