namespace AiWorkload.Messaging.Transport;

/// <summary>A failure inside a processor, with the operation that failed ("receive", "renew lock", "accept session", ...).</summary>
public sealed record TransportError(MessageSource Source, string Operation, Exception Exception);
