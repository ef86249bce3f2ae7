namespace AiWorkload.Messaging.Rules.Tests;

/// <summary>
/// An <see cref="IRuleMessage"/> over two dictionaries. It insists on canonical system property names, so a test
/// fails if the library ever passes a name the engine would not recognise.
/// </summary>
public sealed class TestMessage : IRuleMessage
{
    public Dictionary<string, object?> AppProperties { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, object?> SysProperties { get; } = new(StringComparer.Ordinal);

    public TestMessage App(string name, object? value)
    {
        AppProperties[name] = value;
        return this;
    }

    public TestMessage Sys(string name, object? value)
    {
        RequireCanonical(name);
        SysProperties[name] = value;
        return this;
    }

    public TestMessage Clone()
    {
        var clone = new TestMessage();
        foreach (var (key, value) in AppProperties)
        {
            clone.AppProperties[key] = value;
        }

        foreach (var (key, value) in SysProperties)
        {
            clone.SysProperties[key] = value;
        }

        return clone;
    }

    public object? GetSystemProperty(string name)
    {
        RequireCanonical(name);
        return SysProperties.GetValueOrDefault(name);
    }

    public void SetSystemProperty(string name, object? value)
    {
        RequireCanonical(name);
        Assert.True(Rules.SystemProperties.IsSettable(name), $"{name} is not settable");
        SysProperties[name] = value;
    }

    public bool TryGetApplicationProperty(string name, out object? value) => AppProperties.TryGetValue(name, out value);

    public void SetApplicationProperty(string name, object? value) => AppProperties[name] = value;

    public bool RemoveApplicationProperty(string name) => AppProperties.Remove(name);

    private static void RequireCanonical(string name) =>
        Assert.Contains(name, Rules.SystemProperties.All);
}
