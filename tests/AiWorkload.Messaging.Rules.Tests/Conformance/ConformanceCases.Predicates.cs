namespace AiWorkload.Messaging.Rules.Tests.Conformance;

public static partial class ConformanceCases
{
    private static IEnumerable<ConformanceCase> NullsAndExists() =>
    [
        M("missing IS NULL"),
        N("missing IS NOT NULL"),
        N("color IS NULL"),
        M("color IS NOT NULL"),
        M("nothing IS NULL"), // present with a null value
        N("nothing IS NOT NULL"),
        M("sys.ReplyToSessionId IS NULL"),
        M("sys.MessageId IS NOT NULL"),
        M("user.color is not null"),
        N("missing Is Not Null"),
        M("p('missing') IS NULL"),
        N("NOT missing IS NULL"),
        M("sys.Label IS NULL", TestMessages.Empty),
        S("1 IS NULL"),
        S("newid() IS NOT NULL"),

        M("EXISTS(color)"),
        N("EXISTS(missing)"),
        M("NOT EXISTS(missing)"),
        M("EXISTS(nothing)"), // a property holding null exists
        M("exists(user.COLOR)"),
        M("EXISTS([Property With Space])"),
        M("EXISTS(sys.MessageId)"),
        N("EXISTS(sys.ReplyToSessionId)"),
        M("EXISTS(color) AND color = 'red'"),
        S("EXISTS(1)"),
        S("EXISTS(p('color'))"),
        S("EXISTS color"),
    ];

    private static IEnumerable<ConformanceCase> InLists() =>
    [
        M("color IN ('red', 'blue')"),
        N("color IN ('blue', 'green')"),
        M("color NOT IN ('blue', 'green')"),
        N("color NOT IN ('red')"),
        N("color in ('RED')"),
        M("quantity IN (1, 10, 100)"),
        M("quantity IN (1.0, 10.0)"),
        M("quantity + 1 IN (11)"),
        N("missing IN ('a')"),
        N("missing NOT IN ('a')"),
        N("NOT (missing IN ('a'))"),
        N("color IN ('blue', NULL)"),
        M("color NOT IN ('blue', NULL)"), // NULL items never equal; only an unknown left side makes IN unknown
        N("color IN (priority, 'x')"),
        M("color IN (sys.Label, 'red')"),
        M("color IN (missing, 'red')"),
        E("quantity IN ('10')"),
        M("color IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'red')"),
        N("color IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')"),
        M("color NOT IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')"),
        S("color IN ()"),
        S("color IN 'red'"),
        S("color IN ('red'"),
        S("color IN ('red',)"),
    ];

    private static IEnumerable<ConformanceCase> Like() =>
    [
        M("color LIKE 'r%'"),
        M("color LIKE '%d'"),
        M("color LIKE '%e%'"),
        M("color LIKE 'r_d'"),
        N("color LIKE 'r_'"),
        M("color LIKE '___'"),
        N("color LIKE '____'"),
        M("color LIKE 'red'"),
        N("color LIKE 'RED'"), // case-sensitive like every string comparison
        M("color NOT LIKE 'b%'"),
        N("color NOT LIKE 'r%'"),
        M("color LIKE '%'"),
        M("empty LIKE '%'"),
        N("empty LIKE '_'"),
        M("color LIKE 'r%d%'"),
        M("color LIKE '%r%e%d%'"),
        N("color LIKE 'r%x'"),
        M("color LIKE 'r%%'"),
        M("'aXbXc' LIKE 'a%b%c'"),
        M("'abcbc' LIKE '%bc'"),
        M("'mississippi' LIKE '%iss%ipp_'"),
        N("'mississippi' LIKE '%iss%ipp'"),
        N("color LIKE '[r]ed'"), // only % and _ are wildcards: brackets are literal
        M("br LIKE '[r]ed'"),
        M("path LIKE 'ABC\\%' ESCAPE '\\'"),
        N("path2 LIKE 'ABC\\%' ESCAPE '\\'"),
        M("path2 LIKE 'ABC%'"),
        M("under LIKE 'a\\_c' ESCAPE '\\'"),
        N("under2 LIKE 'a\\_c' ESCAPE '\\'"),
        M("under2 LIKE 'a_c'"),
        M("path LIKE 'ABC!%' ESCAPE '!'"),
        M("path like 'ABC\\%' escape '\\'"),
        M("name LIKE 'O''%'"),
        M("color LIKE 'r' + '%'"),
        M("color LIKE pat"), // pattern from a property
        N("color LIKE missing"),
        N("missing LIKE '%'"),
        N("NOT (missing LIKE '%')"),
        N("quantity LIKE '1%'"), // LIKE on a non-string is unknown
        N("NOT (quantity LIKE '1%')"),
        E("color LIKE quantity"),
        S("color LIKE 5"),
        S("color LIKE 'a' ESCAPE 'ab'"),
        S("color LIKE 'a\\' ESCAPE '\\'"),
        S("color LIKE"),
        S("color NOT = 'red'"),
    ];
}
