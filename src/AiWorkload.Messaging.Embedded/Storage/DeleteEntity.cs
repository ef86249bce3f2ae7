namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record DeleteEntity(long EntityId) : StoreOperation;
