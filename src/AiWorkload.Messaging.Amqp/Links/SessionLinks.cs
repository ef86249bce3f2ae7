using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Errors;
using AiWorkload.Messaging.Embedded;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>
/// A receive link that carries <c>com.microsoft:session-filter</c> locks a session as it attaches: the named one, or the
/// next available within the link's <c>com.microsoft:timeout</c>. The attach answers with the session id and
/// <c>com.microsoft:locked-until-utc</c>; the lock is held until the link closes.
/// </summary>
internal sealed class SessionLinks(EmbeddedServiceBus engine)
{
    private static readonly AmqpSymbol SessionFilter = "com.microsoft:session-filter";
    private static readonly AmqpSymbol LockedUntilUtc = "com.microsoft:locked-until-utc";
    private static readonly AmqpSymbol Timeout = "com.microsoft:timeout";

    public async Task<MessageSource> SourceForAsync(SendingAmqpLink link, string entityPath, ConnectionContext connection)
    {
        var source = (Source)link.Settings.Source;
        if (source.FilterSet is null || !source.FilterSet.TryGetValue<object>(SessionFilter, out var requested))
        {
            if (engine.RequiresSession(entityPath))
            {
                // As the service does: a plain receiver on a session entity is refused at attach, not at its first receive.
                throw AmqpErrors.NotAllowed($"It is not possible for an entity that requires sessions to create a non-sessionful message receiver ('{entityPath}').");
            }

            return (max, wait, mode, cancel) => engine.ReceiveAsync(entityPath, max, wait, mode, cancel);
        }

        var sessionId = requested as string;
        var wait = link.Settings.Properties?[Timeout] switch
        {
            uint ms => TimeSpan.FromMilliseconds(ms),
            int ms => TimeSpan.FromMilliseconds(ms),
            long ms => TimeSpan.FromMilliseconds(ms),
            _ => EmbeddedServiceBus.DefaultMaxWaitTime,
        };
        var session = await engine.AcceptSessionAsync(entityPath, sessionId, wait)
            ?? throw new AmqpException(ServiceBusConditions.Timeout, $"No session of '{entityPath}' became available within {wait.TotalSeconds:0.#} s.");

        source.FilterSet[SessionFilter] = session.SessionId;
        link.Settings.Properties ??= new Fields();
        link.Settings.Properties[LockedUntilUtc] = session.SessionLockedUntil.UtcTicks;
        connection.AddSession(session);
        link.SafeAddClosed((_, _) =>
        {
            connection.RemoveSession(session);
            _ = session.DisposeAsync().AsTask();
        });
        return (max, receiveWait, mode, cancel) => session.ReceiveAsync(max, receiveWait, mode, cancel);
    }
}
