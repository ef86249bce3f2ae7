namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>Builds the JSON paths that error locations use, e.g. <c>$.UserConfig.Namespaces[0].Queues[1]</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    /// <summary>Dot notation for plain names; bracket notation for the free-form keys of correlation properties.</summary>
    public static string Property(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
