namespace AiWorkload.Messaging.Topology;

/// <summary>
/// The whole Service Bus topology: the single source of truth from which the embedded engine provisions itself,
/// the emulator's Config.json is written, and infra creates Azure resources.
/// </summary>
public sealed record TopologyModel(IReadOnlyList<QueueDefinition> Queues, IReadOnlyList<TopicDefinition> Topics)
{
    public static TopologyModel Empty { get; } = new([], []);

    /// <summary>
    /// Throws <see cref="TopologyException"/> naming the entity and field of the first problem found.
    /// <paramref name="knownEntities"/> are entities that exist elsewhere (for example already provisioned) and may be forwarding targets.
    /// </summary>
    public TopologyModel Validate(IReadOnlySet<string>? knownEntities = null)
    {
        TopologyValidator.Validate(this, knownEntities);
        return this;
    }

    public TopologyModel With(QueueDefinition queue) => this with { Queues = [.. Queues, queue] };

    public TopologyModel With(TopicDefinition topic) => this with { Topics = [.. Topics, topic] };
}
