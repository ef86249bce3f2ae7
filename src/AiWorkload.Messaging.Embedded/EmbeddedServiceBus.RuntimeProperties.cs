using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>
    /// Counts without copying messages, for depth gauges and operators. Active includes locked messages, as on the
    /// service; scheduled messages of a subscription are held by its topic, so they are the topic's.
    /// </summary>
    /// <summary>Throws the engine's not-found error unless messages can be sent to <paramref name="entityPath"/>.</summary>
    public void EnsureSendable(string entityPath)
    {
        lock (_sync)
        {
            _ = ResolveDestination(entityPath);
        }
    }

    /// <summary>Throws the engine's not-found error unless messages can be received from <paramref name="entityPath"/>.</summary>
    public void EnsureReceivable(string entityPath)
    {
        lock (_sync)
        {
            _ = GetReceivable(entityPath);
        }
    }

    /// <summary>Whether receivers of <paramref name="entityPath"/> must accept a session first (never true of a dead-letter queue).</summary>
    public bool RequiresSession(string entityPath)
    {
        lock (_sync)
        {
            return GetReceivable(entityPath).RequiresSession;
        }
    }

    public EntityRuntimeProperties GetRuntimeProperties(string entityPath)
    {
        lock (_sync)
        {
            var entity = GetReceivable(entityPath);
            long active = 0, deferred = 0;
            foreach (var message in entity.Messages.Values)
            {
                if (message.State == MessageState.Deferred)
                {
                    deferred++;
                }
                else
                {
                    active++;
                }
            }

            return new EntityRuntimeProperties(
                entity.Path,
                active,
                entity.Locks.Count,
                deferred,
                (entity.Target ?? entity.Topic?.Target)?.Scheduled.Count ?? 0,
                entity.DeadLetter?.Messages.Count ?? 0,
                entity.TransferDeadLetter?.Messages.Count ?? 0);
        }
    }
}
