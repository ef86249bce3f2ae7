using System.Collections.Concurrent;
using AiWorkload.Messaging.Rules;

namespace AiWorkload.Orchestration.Triggers;

/// <summary>Waits carry their SQL as text in the run document; each distinct text is compiled once per process.</summary>
internal static class SqlFilterCache
{
    private static readonly ConcurrentDictionary<string, SqlFilter> Filters = new(StringComparer.Ordinal);

    public static SqlFilter Get(string expression) => Filters.GetOrAdd(expression, SqlFilter.Compile);
}
