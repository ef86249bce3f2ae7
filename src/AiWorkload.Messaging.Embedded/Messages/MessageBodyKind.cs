namespace AiWorkload.Messaging.Embedded.Messages;

/// <summary>
/// How a body's bytes are to be read. AMQP senders may send a value or a sequence body instead of bytes; the engine keeps
/// those sections encoded, untouched, so the AMQP face hands them back exactly as they came.
/// </summary>
public enum MessageBodyKind : byte
{
    /// <summary>The body is the message's bytes: what every in-process sender and an AMQP data body carry.</summary>
    Data = 0,

    /// <summary>The body is one encoded AMQP value section.</summary>
    AmqpValue = 1,

    /// <summary>The body is one or more encoded AMQP sequence sections.</summary>
    AmqpSequence = 2,
}
