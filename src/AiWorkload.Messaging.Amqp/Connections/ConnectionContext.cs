using System.Collections.Concurrent;
using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Amqp.Security;
using AiWorkload.Messaging.Embedded;

namespace AiWorkload.Messaging.Amqp.Connections;

/// <summary>
/// What one client connection holds: the grants its tokens earned, and the sessions its links have locked
/// (management requests name a session by id, and must reach the lock the connection holds).
/// </summary>
internal sealed class ConnectionContext(TimeProvider time)
{
    private readonly List<AccessGrant> _grants = [];
    private readonly ConcurrentDictionary<(string Entity, string SessionId), EmbeddedSessionReceiver> _sessions = new(SessionKeyComparer.Instance);

    public void Grant(AccessGrant grant)
    {
        lock (_grants)
        {
            _grants.RemoveAll(g => g.ExpiresAt <= time.GetUtcNow());
            _grants.Add(grant);
        }
    }

    public void Demand(string entityPath, AccessRights needed)
    {
        var now = time.GetUtcNow();
        lock (_grants)
        {
            if (_grants.Any(g => g.Covers(entityPath, needed, now)))
            {
                return;
            }
        }

        throw AmqpErrors.Unauthorized(
            $"Unauthorized access. '{needed}' claim(s) are required to perform this operation on '{entityPath}': put a token with that right on $cbs first.");
    }

    public void AddSession(EmbeddedSessionReceiver session) => _sessions[(session.EntityPath, session.SessionId)] = session;

    public void RemoveSession(EmbeddedSessionReceiver session) => _sessions.TryRemove(new((session.EntityPath, session.SessionId), session));

    public EmbeddedSessionReceiver? FindSession(string entityPath, string sessionId) =>
        _sessions.TryGetValue((entityPath, sessionId), out var session) ? session : null;

    private sealed class SessionKeyComparer : IEqualityComparer<(string Entity, string SessionId)>
    {
        public static SessionKeyComparer Instance { get; } = new();

        public bool Equals((string Entity, string SessionId) x, (string Entity, string SessionId) y) =>
            string.Equals(x.Entity, y.Entity, StringComparison.OrdinalIgnoreCase) && string.Equals(x.SessionId, y.SessionId, StringComparison.Ordinal);

        public int GetHashCode((string Entity, string SessionId) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Entity), StringComparer.Ordinal.GetHashCode(obj.SessionId));
    }
}
