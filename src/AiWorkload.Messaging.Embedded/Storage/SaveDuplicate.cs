namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record SaveDuplicate(long EntityId, string MessageId, long ExpiresAtTicks, long Sequence) : StoreOperation;
