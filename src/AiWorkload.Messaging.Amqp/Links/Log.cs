namespace AiWorkload.Messaging.Amqp.Links;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A request named reply-to '{ReplyTo}', but no reply link with that target is attached; the answer is dropped.")]
    public static partial void NoReplyLink(ILogger logger, string replyTo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A request could not be answered.")]
    public static partial void RequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link to '{Address}' refused: {Reason}")]
    public static partial void LinkRefused(ILogger logger, string address, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No session of '{Address}' became available for a waiting receiver: {Reason}")]
    public static partial void NoSessionAvailable(ILogger logger, string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive link on '{EntityPath}' stopped after an engine failure.")]
    public static partial void ReceivePumpFailed(ILogger logger, string entityPath, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settlement on '{EntityPath}' failed.")]
    public static partial void SettlementFailed(ILogger logger, string entityPath, Exception exception);
}
