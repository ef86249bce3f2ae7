namespace AiWorkload.Messaging.Amqp.Connections;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "A client connection failed to open: {Reason}")]
    public static partial void ConnectionFailed(ILogger logger, string reason);
}
