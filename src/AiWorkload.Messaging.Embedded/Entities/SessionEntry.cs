namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>One session of a session-enabled entity: its ordered messages, its lock and its state.</summary>
internal sealed class SessionEntry(string sessionId)
{
    public string SessionId { get; } = sessionId;

    public SortedSet<long> Available { get; } = [];

    public Guid? LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    public byte[]? State { get; set; }

    public bool IsLockedAt(DateTimeOffset now) => LockToken is not null && LockedUntil > now;

    public bool IsEmpty(MessageEntity owner) =>
        Available.Count == 0 && LockToken is null && State is null && !owner.HasMessagesInSession(SessionId);
}
