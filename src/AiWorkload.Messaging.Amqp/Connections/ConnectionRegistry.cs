using System.Collections.Concurrent;
using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;

namespace AiWorkload.Messaging.Amqp.Connections;

/// <summary>The open client connections, each with its context; nothing caps their number.</summary>
internal sealed class ConnectionRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<AmqpConnection, ConnectionContext> _connections = new();

    public int Count => _connections.Count;

    public ConnectionContext Add(AmqpConnection connection, KeyPrincipal? signedIn)
    {
        var context = new ConnectionContext(time);
        if (signedIn is not null)
        {
            context.Grant(new AccessGrant("", signedIn.Key.Rights, DateTimeOffset.MaxValue));
        }

        _connections[connection] = context;
        connection.SafeAddClosed((_, _) => _connections.TryRemove(connection, out _));
        return context;
    }

    public ConnectionContext Get(AmqpConnection connection) =>
        _connections.TryGetValue(connection, out var context)
            ? context
            : throw Errors.AmqpErrors.NotAllowed("The connection is closing.");

    public void CloseAll()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.SafeClose();
        }
    }
}
