namespace AiWorkload.Messaging.Outbox;

/// <summary>An entry no retry can send (its message type is unknown here): it is set aside instead of blocking the rest.</summary>
public sealed class OutboxUnsendableException(string message) : Exception(message);
