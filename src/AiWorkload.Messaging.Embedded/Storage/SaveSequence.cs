namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record SaveSequence(long EntityId, long Next) : StoreOperation;
