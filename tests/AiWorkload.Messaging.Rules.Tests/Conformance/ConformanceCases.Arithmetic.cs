namespace AiWorkload.Messaging.Rules.Tests.Conformance;

public static partial class ConformanceCases
{
    private static IEnumerable<ConformanceCase> Arithmetic() =>
    [
        M("quantity + 5 = 15"),
        M("quantity - 3 = 7"),
        M("quantity * 2 = 20"),
        M("quantity / 3 = 3"), // Int64 division truncates, as in C#
        M("quantity % 3 = 1"),
        M("quantity / 4.0 = 2.5"),
        M("price * 2 = 19"),
        M("-quantity = -10"),
        M("+quantity = 10"),
        M("- -quantity = 10"),
        M("-neg = 5"),
        M("2 + 3 * 4 = 14"),
        M("(2 + 3) * 4 = 20"),
        M("10 - 2 - 3 = 5"),
        M("100 / 10 / 5 = 2"),
        M("2 * 3 % 4 = 2"),
        M("-2 * -3 = 6"),
        M("-(2 + 3) = -5"),
        M("7 % -3 = 1"),
        M("-7 / 2 = -3"),
        M("9223372036854775807 + 1 < 0"), // unchecked Int64, C#'s default
        M("-9223372036854775808 < 0"),
        M("price / 0 > 1000"), // Double division by zero is infinity
        E("quantity / zero = 1"),
        E("quantity % zero = 0"),
        E("1 / 0 = 1"),
        N("missing + 1 = 1"),
        N("NOT (missing + 1 = 1)"),
        N("-missing = 1"),
        M("color + 'dish' = 'reddish'"), // + concatenates strings, as in C#
        M("'n' + quantity = 'n10'"),
        E("color * 2 = 1"),
        E("-color = 1"),
        E("isUrgent + 1 = 2"),
        M("later - created = duration"),
        M("created + duration = later"),
    ];
}
