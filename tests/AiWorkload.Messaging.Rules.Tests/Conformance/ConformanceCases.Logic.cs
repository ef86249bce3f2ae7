namespace AiWorkload.Messaging.Rules.Tests.Conformance;

public static partial class ConformanceCases
{
    private static IEnumerable<ConformanceCase> Logic() =>
    [
        M("color = 'red' AND quantity = 10"),
        N("color = 'red' AND quantity = 11"),
        M("color = 'blue' OR quantity = 10"),
        N("color = 'blue' OR quantity = 11"),

        // Precedence: NOT over AND over OR.
        M("color = 'blue' AND quantity = 10 OR priority = 'high'"),
        N("color = 'blue' AND (quantity = 10 OR priority = 'high')"),
        M("priority = 'high' OR color = 'blue' AND quantity = 11"),
        N("(priority = 'high' OR color = 'blue') AND quantity = 11"),
        N("NOT color = 'blue' AND quantity = 11"),
        M("NOT (color = 'blue' AND quantity = 11)"),
        M("NOT NOT color = 'red'"),
        M("NOT color = 'blue' OR quantity = 11"),
        M("((color = 'red'))"),
        M("quantity + 1 > 10 AND quantity * 2 < 21"),

        // Short-circuits: the right side is not evaluated, so it cannot fail.
        N("color = 'blue' AND quantity / zero = 1"),
        M("color = 'red' OR quantity / zero = 1"),
        E("color = 'red' AND quantity / zero = 1"),

        // Keywords are case-insensitive.
        M("color = 'red' and quantity = 10"),
        M("color = 'red' Or missing = 1"),
        M("not color = 'blue'"),
        M("color = 'red' AnD quantity = 10"),
        M("color='red'AND quantity=10"),
        M("  color  =  'red'  "),
        M("color\n=\t'red'\r\nAND\tquantity = 10"),
    ];

    /// <summary>
    /// The AND and OR tables of the docs for every pair of true, false and unknown operands. A top-level false and
    /// unknown both fail to match, so each cell is also checked under NOT, which tells them apart.
    /// </summary>
    private static IEnumerable<ConformanceCase> TruthTables()
    {
        (string Text, char Value)[] operands =
        [
            ("color = 'red'", 'T'),
            ("color = 'blue'", 'F'),
            ("missing = 'x'", 'U'),
        ];
        var and = new Dictionary<(char, char), char>
        {
            [('T', 'T')] = 'T', [('T', 'F')] = 'F', [('T', 'U')] = 'U',
            [('F', 'T')] = 'F', [('F', 'F')] = 'F', [('F', 'U')] = 'F',
            [('U', 'T')] = 'U', [('U', 'F')] = 'F', [('U', 'U')] = 'U',
        };
        var or = new Dictionary<(char, char), char>
        {
            [('T', 'T')] = 'T', [('T', 'F')] = 'T', [('T', 'U')] = 'T',
            [('F', 'T')] = 'T', [('F', 'F')] = 'F', [('F', 'U')] = 'U',
            [('U', 'T')] = 'T', [('U', 'F')] = 'U', [('U', 'U')] = 'U',
        };

        foreach (var (left, l) in operands)
        {
            yield return Truth($"NOT {left}", Not(l));
            foreach (var (right, r) in operands)
            {
                foreach (var (keyword, table) in new[] { ("AND", and), ("OR", or) })
                {
                    var expression = $"{left} {keyword} {right}";
                    var result = table[(l, r)];
                    yield return Truth(expression, result);
                    yield return Truth($"NOT ({expression})", Not(result));
                }
            }
        }

        static char Not(char value) => value switch { 'T' => 'F', 'F' => 'T', _ => 'U' };

        static ConformanceCase Truth(string expression, char value) => value == 'T' ? M(expression) : N(expression);
    }
}
