namespace AiWorkload.Messaging.Amqp.Security;

/// <summary>A token that was refused, with the reason the client is told.</summary>
public sealed class TokenValidationException : Exception
{
    public TokenValidationException()
        : base("The token was refused.")
    {
    }

    public TokenValidationException(string message)
        : base(message)
    {
    }

    public TokenValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
