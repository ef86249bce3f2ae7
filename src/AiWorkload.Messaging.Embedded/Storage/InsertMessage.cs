using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record InsertMessage(long EntityId, long Sequence, MessageState State, int DeliveryCount, byte[] Payload) : StoreOperation;
