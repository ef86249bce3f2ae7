using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>A topic: a send target that copies each message to the subscriptions whose rules match.</summary>
internal sealed class TopicEntity(long id, TopicDefinition definition, SendTarget target)
{
    public long Id { get; } = id;

    public string Path => Definition.Name;

    public TopicDefinition Definition { get; set; } = definition;

    public SendTarget Target { get; } = target;

    public List<MessageEntity> Subscriptions { get; } = [];
}
