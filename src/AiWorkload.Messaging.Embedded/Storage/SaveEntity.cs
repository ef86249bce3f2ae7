using AiWorkload.Messaging.Embedded.Entities;

namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record SaveEntity(long EntityId, string Path, EntityKind Kind, long? ParentId, string? Definition, long NextSequence) : StoreOperation;
