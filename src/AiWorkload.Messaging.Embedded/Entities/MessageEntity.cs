using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>
/// An entity receivers read from: a queue, a subscription, or a dead-letter sub-queue. All members are used under the engine lock.
/// </summary>
internal sealed class MessageEntity(long id, string path, EntityKind kind, SequenceCounter counter)
{
    public long Id { get; } = id;

    public string Path { get; } = path;

    public EntityKind Kind { get; } = kind;

    public SequenceCounter Counter { get; } = counter;

    /// <summary>Null for dead-letter queues, which borrow their parent's lock duration and have no delivery limit.</summary>
    public IMessageEntityDefinition? Definition { get; set; }

    public MessageEntity? Parent { get; init; }

    public MessageEntity? DeadLetter { get; set; }

    public MessageEntity? TransferDeadLetter { get; set; }

    /// <summary>Set for queues: what a send to this queue goes through.</summary>
    public SendTarget? Target { get; init; }

    /// <summary>Set for subscriptions.</summary>
    public TopicEntity? Topic { get; init; }

    public SubscriptionRules? Rules { get; set; }

    public Dictionary<long, StoredMessage> Messages { get; } = [];

    /// <summary>The bytes the messages held here take, kept as they come and go, for the entity size quota.</summary>
    public long SizeInBytes { get; private set; }

    public SortedSet<long> Available { get; } = [];

    public Dictionary<Guid, StoredMessage> Locks { get; } = [];

    public PriorityQueue<Guid, DateTimeOffset> LockExpiries { get; } = new();

    public Dictionary<string, SessionEntry> Sessions { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _sessionMessageCounts = new(StringComparer.Ordinal);

    public AsyncSignal Signal { get; } = new();

    public bool IsDeadLetter => Kind is EntityKind.DeadLetterQueue or EntityKind.TransferDeadLetterQueue;

    public TimeSpan LockDuration => Definition?.LockDuration ?? Parent?.LockDuration ?? EntityDefaults.LockDuration;

    /// <summary>Dead-letter queues never dead-letter again: messages stay until someone takes them.</summary>
    public int? MaxDeliveryCount => IsDeadLetter ? null : Definition?.MaxDeliveryCount;

    public bool RequiresSession => !IsDeadLetter && (Definition?.RequiresSession ?? false);

    public TimeSpan DefaultTimeToLive => Definition?.DefaultMessageTimeToLive ?? TimeSpan.MaxValue;

    /// <summary>Dead-letter queues do not expire messages, as on the service.</summary>
    public bool ExpiresMessages => !IsDeadLetter;

    public bool DeadLetterOnExpiration => Definition?.DeadLetteringOnMessageExpiration ?? false;

    public string? ForwardTo => IsDeadLetter || string.IsNullOrEmpty(Definition?.ForwardTo) ? null : Definition.ForwardTo;

    public string? ForwardDeadLetteredMessagesTo =>
        IsDeadLetter || string.IsNullOrEmpty(Definition?.ForwardDeadLetteredMessagesTo) ? null : Definition.ForwardDeadLetteredMessagesTo;

    public bool HasMessagesInSession(string sessionId) => _sessionMessageCounts.ContainsKey(sessionId);

    public void Add(StoredMessage message)
    {
        if (Messages.TryGetValue(message.SequenceNumber, out var replaced))
        {
            SizeInBytes -= replaced.AccountedSize;
        }

        Messages[message.SequenceNumber] = message;
        message.AccountedSize = message.Size;
        SizeInBytes += message.AccountedSize;
        if (message.SessionId is { } sessionId && RequiresSession)
        {
            _sessionMessageCounts[sessionId] = _sessionMessageCounts.GetValueOrDefault(sessionId) + 1;
            GetOrAddSession(sessionId);
        }
    }

    /// <summary>Puts a message where receivers find it: the entity's ready list, or its session's.</summary>
    public void MakeAvailable(StoredMessage message)
    {
        message.LockToken = null;
        if (message.State != Embedded.Messages.MessageState.Active)
        {
            return;
        }

        if (RequiresSession && message.SessionId is { } sessionId)
        {
            GetOrAddSession(sessionId).Available.Add(message.SequenceNumber);
        }
        else
        {
            Available.Add(message.SequenceNumber);
        }

        Signal.Set();
    }

    public void Remove(StoredMessage message)
    {
        if (!Messages.Remove(message.SequenceNumber, out var removed))
        {
            return;
        }

        SizeInBytes -= removed.AccountedSize;

        if (message.LockToken is { } token)
        {
            Locks.Remove(token);
            message.LockToken = null;
        }

        if (RequiresSession && message.SessionId is { } sessionId)
        {
            if (Sessions.TryGetValue(sessionId, out var session))
            {
                session.Available.Remove(message.SequenceNumber);
            }

            var remaining = _sessionMessageCounts.GetValueOrDefault(sessionId) - 1;
            if (remaining > 0)
            {
                _sessionMessageCounts[sessionId] = remaining;
            }
            else
            {
                _sessionMessageCounts.Remove(sessionId);
                RemoveSessionIfIdle(sessionId);
            }
        }
        else
        {
            Available.Remove(message.SequenceNumber);
        }
    }

    /// <summary>Session messages follow their session's lock, so only plain message locks are tracked for expiry.</summary>
    public void Lock(StoredMessage message, Guid token, DateTimeOffset until, bool trackExpiry)
    {
        message.LockToken = token;
        message.LockedUntil = until;
        Locks[token] = message;
        if (trackExpiry)
        {
            LockExpiries.Enqueue(token, until);
        }
    }

    public void Unlock(StoredMessage message)
    {
        if (message.LockToken is { } token)
        {
            Locks.Remove(token);
        }

        message.LockToken = null;
    }

    public SessionEntry GetOrAddSession(string sessionId)
    {
        if (!Sessions.TryGetValue(sessionId, out var session))
        {
            session = new SessionEntry(sessionId);
            Sessions[sessionId] = session;
        }

        return session;
    }

    public void RemoveSessionIfIdle(string sessionId)
    {
        if (Sessions.TryGetValue(sessionId, out var session) && session.IsEmpty(this))
        {
            Sessions.Remove(sessionId);
        }
    }

    /// <summary>The earliest moment something may change on its own here: a lock expiring or a scheduled message activating.</summary>
    public DateTimeOffset? NextDueAt()
    {
        DateTimeOffset? due = LockExpiries.TryPeek(out _, out var lockDue) ? lockDue : null;
        foreach (var session in Sessions.Values)
        {
            if (session.LockToken is not null && (due is null || session.LockedUntil < due))
            {
                due = session.LockedUntil;
            }
        }

        var scheduled = (Target ?? Topic?.Target)?.NextScheduledAt;
        return scheduled is { } s && (due is null || s < due) ? s : due;
    }
}
