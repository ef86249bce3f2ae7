using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Embedded.Storage;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>
    /// Locks a session of a session-enabled entity: the named one, or (with a null id) the next one with messages waiting,
    /// oldest first. Returns null when no session becomes available within <paramref name="maxWait"/>; a named session
    /// locked by another receiver fails with SessionCannotBeLocked.
    /// </summary>
    public async Task<EmbeddedSessionReceiver?> AcceptSessionAsync(string entityPath, string? sessionId = null, TimeSpan? maxWait = null, CancellationToken cancellationToken = default)
    {
        if (sessionId is { Length: > Topology.EntityDefaults.MaxSessionIdLength })
        {
            throw new MessagingException(MessagingErrorReason.InvalidOperation, entityPath, $"A SessionId is at most {Topology.EntityDefaults.MaxSessionIdLength} characters.");
        }

        var deadline = _time.GetUtcNow() + (maxWait ?? DefaultMaxWaitTime);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var transaction = new StoreTransaction();
            Task wake;
            DateTimeOffset? nextDue;
            lock (_sync)
            {
                var entity = GetReceivable(entityPath);
                if (!entity.RequiresSession)
                {
                    throw new MessagingException(MessagingErrorReason.InvalidOperation, entityPath, "The entity is not session-enabled.");
                }

                var now = _time.GetUtcNow();
                Maintain(entity, now, transaction);
                Commit(transaction);
                SessionEntry? session;
                if (sessionId is not null)
                {
                    session = entity.GetOrAddSession(sessionId);
                    if (session.IsLockedAt(now))
                    {
                        throw new MessagingException(MessagingErrorReason.SessionCannotBeLocked, entityPath, $"Session '{sessionId}' is locked by another receiver until {session.LockedUntil:O}.");
                    }
                }
                else
                {
                    session = entity.Sessions.Values
                        .Where(s => !s.IsLockedAt(now) && s.Available.Count > 0)
                        .MinBy(s => s.Available.Min);
                }

                if (session is not null)
                {
                    session.LockToken = Guid.NewGuid();
                    session.LockedUntil = now + entity.LockDuration;
                    return new EmbeddedSessionReceiver(this, new SessionHandle(entity.Path, session.SessionId, session.LockToken.Value), session.LockedUntil);
                }

                wake = entity.Signal.WaitAsync();
                nextDue = entity.NextDueAt();
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            if (nextDue is { } due && due - _time.GetUtcNow() < remaining)
            {
                remaining = due - _time.GetUtcNow() < TimeSpan.Zero ? TimeSpan.Zero : due - _time.GetUtcNow();
            }

            await WaitForChange(wake, remaining, cancellationToken);
        }
    }

    /// <summary>The sessions of an entity that hold messages or state, in id order: what a session browser lists.</summary>
    public IReadOnlyList<string> GetSessionIds(string entityPath)
    {
        lock (_sync)
        {
            var entity = GetReceivable(entityPath);
            return [.. entity.Sessions.Values
                .Where(s => !s.IsEmpty(entity) || s.State is not null)
                .Select(s => s.SessionId)
                .Order(StringComparer.Ordinal)];
        }
    }

    internal Task<IReadOnlyList<ReceivedMessage>> ReceiveFromSession(SessionHandle session, int maxMessages, TimeSpan maxWait, ReceiveMode mode, CancellationToken cancellationToken) =>
        ReceiveLoop(session.EntityPath, session, maxMessages, maxWait, mode, cancellationToken);

    internal Task<IReadOnlyList<ReceivedMessage>> ReceiveDeferredFromSession(SessionHandle session, IReadOnlyList<long> sequenceNumbers) =>
        ReceiveDeferred(session.EntityPath, session, sequenceNumbers);

    internal DateTimeOffset RenewSessionLock(SessionHandle handle)
    {
        lock (_sync)
        {
            var entity = GetReceivable(handle.EntityPath);
            var now = _time.GetUtcNow();
            var transaction = new StoreTransaction();
            var session = ValidateSession(entity, handle, now, transaction);
            Commit(transaction);
            session.LockedUntil = now + entity.LockDuration;
            foreach (var message in entity.Locks.Values.Where(m => m.SessionId == session.SessionId))
            {
                message.LockedUntil = session.LockedUntil;
            }

            return session.LockedUntil;
        }
    }

    internal byte[]? GetSessionState(SessionHandle handle)
    {
        lock (_sync)
        {
            var transaction = new StoreTransaction();
            var session = ValidateSession(GetReceivable(handle.EntityPath), handle, _time.GetUtcNow(), transaction);
            Commit(transaction);
            return session.State;
        }
    }

    internal Task SetSessionState(SessionHandle handle, byte[]? state)
    {
        if (state is not null && state.Length > _options.MaxMessageSizeBytes)
        {
            throw new MessagingException(MessagingErrorReason.MessageSizeExceeded, handle.EntityPath, $"Session state is {state.Length} bytes; the limit is one message size, {_options.MaxMessageSizeBytes} bytes.");
        }

        lock (_sync)
        {
            var entity = GetReceivable(handle.EntityPath);
            var transaction = new StoreTransaction();
            var session = ValidateSession(entity, handle, _time.GetUtcNow(), transaction);
            session.State = state is null ? null : [.. state];
            transaction.Add(new SaveSessionState(entity.Id, session.SessionId, session.State));
            return Commit(transaction);
        }
    }

    /// <summary>Gives the session back; its unsettled messages return as abandoned.</summary>
    internal Task ReleaseSession(SessionHandle handle)
    {
        lock (_sync)
        {
            if (_disposed || !_receivables.TryGetValue(handle.EntityPath, out var entity) ||
                !entity.Sessions.TryGetValue(handle.SessionId, out var session) || session.LockToken != handle.LockToken)
            {
                return Task.CompletedTask;
            }

            var transaction = new StoreTransaction();
            ReleaseSession(entity, session, _time.GetUtcNow(), transaction);
            return Commit(transaction);
        }
    }

    private SessionEntry ValidateSession(MessageEntity entity, SessionHandle handle, DateTimeOffset now, StoreTransaction transaction)
    {
        if (entity.Sessions.TryGetValue(handle.SessionId, out var session) && session.LockToken == handle.LockToken)
        {
            if (session.LockedUntil > now)
            {
                return session;
            }

            ReleaseSession(entity, session, now, transaction);
        }

        throw new MessagingException(MessagingErrorReason.SessionLockLost, entity.Path, $"The lock on session '{handle.SessionId}' was lost; accept the session again.");
    }

    private void ReleaseSession(MessageEntity entity, SessionEntry session, DateTimeOffset now, StoreTransaction transaction)
    {
        session.LockToken = null;
        foreach (var message in entity.Locks.Values.Where(m => m.SessionId == session.SessionId).ToList())
        {
            ReleaseLock(entity, message, now, transaction);
        }

        entity.Signal.Set();
        entity.RemoveSessionIfIdle(session.SessionId);
    }
}
