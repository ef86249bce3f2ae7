namespace AiWorkload.Messaging.Administration.Entities;

/// <summary>What mapping needs from the request and the engine: the host the client addressed and the engine's message size limit.</summary>
internal sealed record EntityContext(string Host, int MaxMessageSizeBytes);
