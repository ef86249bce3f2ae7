namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record UpdateDeliveryCount(long EntityId, long Sequence, int DeliveryCount) : StoreOperation;
