namespace AiWorkload.Messaging;

/// <summary>
/// Thrown by a handler for a message that can never succeed, however often it is retried: the message is dead-lettered at once
/// with this exception's message as the description.
/// </summary>
public sealed class PoisonMessageException : Exception
{
    public PoisonMessageException()
        : base("The message cannot be processed.")
    {
    }

    public PoisonMessageException(string message)
        : base(message)
    {
    }

    public PoisonMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
