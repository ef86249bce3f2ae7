namespace AiWorkload.Messaging.Serialization;

public enum MessageKind
{
    /// <summary>Something that happened, published to a topic for any number of subscribers.</summary>
    Event,

    /// <summary>Something to do, sent to a queue for exactly one consumer.</summary>
    Command,
}
