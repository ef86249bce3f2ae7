namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record DeleteMessage(long EntityId, long Sequence) : StoreOperation;
