using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>Everything read back at start-up; the engine rebuilds its in-memory indexes from it.</summary>
internal sealed record PersistedState(
    IReadOnlyList<PersistedState.EntityRow> Entities,
    IReadOnlyList<PersistedState.MessageRow> Messages,
    IReadOnlyList<PersistedState.DuplicateRow> Duplicates,
    IReadOnlyList<PersistedState.SessionRow> Sessions)
{
    public static PersistedState Empty { get; } = new([], [], [], []);

    internal sealed record EntityRow(long Id, string Path, EntityKind Kind, long? ParentId, string? Definition, long NextSequence);

    internal sealed record MessageRow(long EntityId, long Sequence, MessageState State, int DeliveryCount, byte[] Payload);

    internal sealed record DuplicateRow(long EntityId, string MessageId, long ExpiresAtTicks, long Sequence);

    internal sealed record SessionRow(long EntityId, string SessionId, byte[] State);
}
