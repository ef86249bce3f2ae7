namespace AiWorkload.Messaging;

/// <summary>A messaging failure that names the entity and the reason, so callers and operators can act on it.</summary>
public sealed class MessagingException : Exception
{
    public MessagingException(MessagingErrorReason reason, string? entityPath, string message, Exception? innerException = null)
        : base(entityPath is null ? message : $"{message} (entity '{entityPath}', reason {reason})", innerException)
    {
        Reason = reason;
        EntityPath = entityPath;
    }

    public MessagingException()
        : this(MessagingErrorReason.GeneralError, null, "A messaging operation failed.")
    {
    }

    public MessagingException(string message)
        : this(MessagingErrorReason.GeneralError, null, message)
    {
    }

    public MessagingException(string message, Exception innerException)
        : this(MessagingErrorReason.GeneralError, null, message, innerException)
    {
    }

    public MessagingErrorReason Reason { get; }

    public string? EntityPath { get; }

    /// <summary>Transient failures are worth retrying; the rest will fail the same way again.</summary>
    public bool IsTransient => Reason is MessagingErrorReason.ServiceBusy or MessagingErrorReason.ServiceTimeout;
}
