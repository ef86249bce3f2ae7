namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>The gap-free 64-bit sequence of one entity. The value is persisted in the same transaction as the messages that use it.</summary>
internal sealed class SequenceCounter(long ownerId, long next)
{
    public long OwnerId { get; } = ownerId;

    public long Next { get; private set; } = next;

    public long Take() => Next++;
}
