namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>The set properties of a <see cref="CorrelationFilter"/>, flattened into arrays for matching.</summary>
internal sealed class CorrelationPlan
{
    private readonly (string Name, string Value)[] _system;
    private readonly (string Name, object? Value)[] _application;

    private CorrelationPlan((string Name, string Value)[] system, (string Name, object? Value)[] application)
    {
        _system = system;
        _application = application;
    }

    public static CorrelationPlan Build(
        IEnumerable<(string Name, string? Value)> system, IReadOnlyDictionary<string, object?> application)
    {
        var systemConditions = system.Where(p => p.Value is not null).Select(p => (p.Name, p.Value!)).ToArray();
        var applicationConditions = application.Select(p => (p.Key, p.Value)).ToArray();
        if (systemConditions.Length == 0 && applicationConditions.Length == 0)
        {
            throw new ArgumentException(
                "A correlation filter needs at least one system or application property to match on.", nameof(application));
        }

        return new CorrelationPlan(systemConditions, applicationConditions);
    }

    public bool Matches(IRuleMessage message)
    {
        foreach (var (name, expected) in _system)
        {
            if (message.GetSystemProperty(name) is not string actual || !string.Equals(actual, expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var (name, expected) in _application)
        {
            if (!message.TryGetApplicationProperty(name, out var actual) || !ValuesEqual(expected, actual))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Exact equality, except that integer and floating-point values compare by number: a filter read from JSON holds
    /// an Int64 while an SDK may send the same number as an Int32, and those should match. A string never equals a
    /// number (the service agrees: a filter value of "2" does not match a property of 2).
    /// </summary>
    private static bool ValuesEqual(object? expected, object? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        if (expected is string e)
        {
            return actual is string a && string.Equals(e, a, StringComparison.Ordinal);
        }

        var left = SqlValue.FromObject(expected);
        var right = SqlValue.FromObject(actual);
        if (left.IsNumeric && right.IsNumeric)
        {
            return left.Kind == ValueKind.Long && right.Kind == ValueKind.Long ? left.Long == right.Long : left.Double == right.Double;
        }

        return expected is byte[] x && actual is byte[] y ? x.AsSpan().SequenceEqual(y) : expected.Equals(actual);
    }

    public string Describe() => string.Join(
        " AND ",
        _system.Select(p => $"sys.{p.Name} = '{p.Value.Replace("'", "''", StringComparison.Ordinal)}'")
            .Concat(_application.Select(p => $"[{p.Name.Replace("]", "]]", StringComparison.Ordinal)}] = {Literal(p.Value)}")));

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        _ => SqlValue.FromObject(value).ToDisplayString(),
    };
}
