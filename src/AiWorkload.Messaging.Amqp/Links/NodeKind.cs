namespace AiWorkload.Messaging.Amqp.Links;

internal enum NodeKind
{
    /// <summary>A queue, topic or subscription (or one of their sub-queues): messages flow.</summary>
    Entity,

    /// <summary><c>&lt;entity&gt;/$management</c>: request/response operations on that entity.</summary>
    Management,

    /// <summary><c>$cbs</c>: claims-based security, where tokens are put.</summary>
    Cbs,
}
