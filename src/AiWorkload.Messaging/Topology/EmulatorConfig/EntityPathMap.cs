namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// Where each entity sits in the file. The validator locates problems by entity ("queue 'q' LockDuration"); this turns
/// that into the JSON path a person edits ("$.UserConfig.Namespaces[0].Queues[1].Properties.LockDuration").
/// </summary>
internal sealed class EntityPathMap(string source)
{
    private readonly Dictionary<string, string> paths = new(StringComparer.Ordinal);

    public static string Queue(string name) => $"queue '{name}'";

    public static string Topic(string name) => $"topic '{name}'";

    public static string Subscription(string topic, string name) => $"{Topic(topic)} subscription '{name}'";

    public static string Rule(string subscription, string name) => $"{subscription} rule '{name}'";

    /// <summary>Later entries win, so a name declared twice maps to the repeat, which is what the validator reports.</summary>
    public void Add(string entity, string path) => paths[entity] = path;

    public TopologyException Relocate(TopologyException error)
    {
        // Longest first, so "topic 't' subscription 's' LockDuration" is not taken for a field of topic 't'.
        foreach (var (entity, path) in paths.OrderByDescending(p => p.Key.Length))
        {
            if (error.Location == entity)
            {
                return new TopologyException($"{source} {path}.Name", error.Reason);
            }

            if (error.Location.StartsWith(entity + " ", StringComparison.Ordinal))
            {
                var field = error.Location[(entity.Length + 1)..];
                if (field.All(char.IsAsciiLetter))
                {
                    return new TopologyException($"{source} {path}.Properties.{field}", error.Reason);
                }
            }
        }

        // The validator's wording changed or the problem spans entities: still say which file it is in.
        return new TopologyException($"{source} {error.Location}", error.Reason);
    }
}
