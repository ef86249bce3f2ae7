namespace AiWorkload.Messaging.Rules.Tests.Conformance;

public static partial class ConformanceCases
{
    private static IEnumerable<ConformanceCase> Comparisons() =>
    [
        M("color = 'red'"),
        N("color = 'Red'"), // values compare ordinally, case-sensitively
        N("color <> 'red'"),
        M("color != 'blue'"),
        M("color <> 'blue'"),
        M("quantity = 10"),
        M("quantity > 5"),
        M("quantity >= 10"),
        N("quantity < 10"),
        M("quantity <= 10"),
        N("quantity <> 10"),
        N("quantity > 10"),
        M("10 = quantity"),
        M("5 < quantity"),
        M("price > 9"), // Double vs Int64 promotes
        M("price = 9.5"),
        N("price < 9.25"),
        M("quantity = 10.0"),
        M("big > 4000000000"),
        M("small = 3"),
        M("tiny = 2"),
        M("f = 1.5"),
        M("dec = 2.5"),
        M("u = 7"),
        M("ul = 8"),
        M("isUrgent = TRUE"),
        N("isUrgent = false"),
        M("isUrgent <> FALSE"),
        M("'b' > 'a'"),
        M("color < 's'"),
        M("'B' < 'a'"), // ordinal: upper case sorts before lower case
        M("created < later"),
        M("id = id"),
        M("1 = 1"),
        N("1 = 0"),
        N("1 <> 1"),
        M("'a' = 'a'"),

        // No C# operator binds these, so they are evaluation errors, not silent mismatches.
        E("color = 5"),
        E("quantity = '10'"),
        E("isUrgent = 1"),
        E("isUrgent > FALSE"),
        E("id = 'x'"),
        E("text5 = 5"),

        // NULL and missing properties are unknown: neither the comparison nor its negation matches.
        N("color = NULL"),
        N("NOT (color = NULL)"),
        N("NULL = NULL"),
        N("missing = 1"),
        N("NOT (missing = 1)"),
        N("missing <> 1"),
        N("missing = missing"),
        N("nothing = 1"),
        N("missing = 'x'"),
    ];
}
