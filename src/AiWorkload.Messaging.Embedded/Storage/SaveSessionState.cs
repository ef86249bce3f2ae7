namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record SaveSessionState(long EntityId, string SessionId, byte[]? State) : StoreOperation;
