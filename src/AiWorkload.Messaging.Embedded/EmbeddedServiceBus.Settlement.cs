using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Embedded.Storage;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    public Task CompleteAsync(string entityPath, Guid lockToken, CancellationToken cancellationToken = default) =>
        Settle(entityPath, lockToken, (entity, message, _, transaction) =>
        {
            entity.Remove(message);
            transaction.Add(new DeleteMessage(entity.Id, message.SequenceNumber));
        });

    /// <summary>Releases the lock; the delivery already counted. At MaxDeliveryCount the message is dead-lettered instead.</summary>
    public Task AbandonAsync(string entityPath, Guid lockToken, IReadOnlyDictionary<string, object?>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        Settle(entityPath, lockToken, (entity, message, now, transaction) =>
        {
            if (Modify(message, propertiesToModify))
            {
                transaction.Add(new UpdateMessage(entity.Id, message.SequenceNumber, message.State, message.DeliveryCount, MessageCodec.Encode(message)));
            }

            ReleaseLock(entity, message, now, transaction);
        });

    /// <summary>
    /// Returns a delivery its receiver never handed to anyone (AMQP <c>released</c>, as the .NET client answers a message
    /// that arrives after its receive call gave up): the lock goes and the delivery does not count.
    /// </summary>
    public Task ReleaseAsync(string entityPath, Guid lockToken, CancellationToken cancellationToken = default) =>
        Settle(entityPath, lockToken, (entity, message, now, transaction) =>
        {
            if (message.DeliveryCount > 0)
            {
                message.DeliveryCount--;
                transaction.Add(new UpdateDeliveryCount(entity.Id, message.SequenceNumber, message.DeliveryCount));
            }

            ReleaseLock(entity, message, now, transaction);
        });

    public Task DeadLetterAsync(
        string entityPath,
        Guid lockToken,
        string? reason = null,
        string? description = null,
        IReadOnlyDictionary<string, object?>? propertiesToModify = null,
        CancellationToken cancellationToken = default) =>
        Settle(entityPath, lockToken, (entity, message, now, transaction) =>
        {
            if (entity.IsDeadLetter)
            {
                throw new MessagingException(MessagingErrorReason.InvalidOperation, entity.Path, "A message in a dead-letter queue cannot be dead-lettered again.");
            }

            Modify(message, propertiesToModify);
            DeadLetter(entity, message, reason, description, now, transaction);
        });

    /// <summary>Keeps the message, invisible to receivers, until it is received by its sequence number.</summary>
    public Task DeferAsync(string entityPath, Guid lockToken, IReadOnlyDictionary<string, object?>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        Settle(entityPath, lockToken, (entity, message, _, transaction) =>
        {
            Modify(message, propertiesToModify);
            entity.Unlock(message);
            message.State = MessageState.Deferred;
            transaction.Add(new UpdateMessage(entity.Id, message.SequenceNumber, message.State, message.DeliveryCount, MessageCodec.Encode(message)));
        });

    /// <summary>Extends the lock by the entity's LockDuration from now. Session messages follow their session's lock instead.</summary>
    public async Task<DateTimeOffset> RenewLockAsync(string entityPath, Guid lockToken, CancellationToken cancellationToken = default)
    {
        var lockedUntil = DateTimeOffset.MinValue;
        await Settle(entityPath, lockToken, (entity, message, now, _) =>
        {
            if (entity.RequiresSession)
            {
                throw new MessagingException(MessagingErrorReason.InvalidOperation, entity.Path, "Messages received through a session are locked by the session: renew the session lock.");
            }

            message.LockedUntil = now + entity.LockDuration;
            entity.LockExpiries.Enqueue(lockToken, message.LockedUntil);
            lockedUntil = message.LockedUntil;
        });
        return lockedUntil;
    }

    private Task Settle(string entityPath, Guid lockToken, Action<MessageEntity, StoredMessage, DateTimeOffset, StoreTransaction> settle)
    {
        var transaction = new StoreTransaction();
        lock (_sync)
        {
            var entity = GetReceivable(entityPath);
            var now = _time.GetUtcNow();
            var failure = CheckLock(entity, lockToken, now, transaction, out var message);
            if (failure is not null)
            {
                Commit(transaction); // an expired lock was just released; that must be durable too
                throw failure;
            }

            settle(entity, message!, now, transaction);
            return Commit(transaction);
        }
    }

    /// <summary>Lock lost is an error, never a silent success: the message may already be with another receiver.</summary>
    private MessagingException? CheckLock(MessageEntity entity, Guid lockToken, DateTimeOffset now, StoreTransaction transaction, out StoredMessage? message)
    {
        if (!entity.Locks.TryGetValue(lockToken, out message))
        {
            return new MessagingException(MessagingErrorReason.MessageLockLost, entity.Path, "The lock supplied is invalid: it expired, or the message was already settled or received by another receiver.");
        }

        if (entity.RequiresSession && message.SessionId is { } sessionId)
        {
            if (!entity.Sessions.TryGetValue(sessionId, out var session) || !session.IsLockedAt(now))
            {
                if (session is not null && session.LockToken is not null)
                {
                    ReleaseSession(entity, session, now, transaction);
                }

                return new MessagingException(MessagingErrorReason.SessionLockLost, entity.Path, $"The lock on session '{sessionId}' was lost; its messages are available to other receivers.");
            }

            return null;
        }

        if (message.LockedUntil <= now)
        {
            ReleaseLock(entity, message, now, transaction);
            return new MessagingException(MessagingErrorReason.MessageLockLost, entity.Path, $"The lock on message {message.SequenceNumber} expired at {message.LockedUntil:O}.");
        }

        return null;
    }

    /// <summary>An abandon, explicit or by lock expiry: the message returns, or is dead-lettered at MaxDeliveryCount.</summary>
    private void ReleaseLock(MessageEntity entity, StoredMessage message, DateTimeOffset now, StoreTransaction transaction)
    {
        entity.Unlock(message);
        if (entity.MaxDeliveryCount is { } max && message.DeliveryCount >= max)
        {
            DeadLetter(entity, message, DeadLetterProperties.MaxDeliveryCountExceeded, $"Message could not be consumed after {message.DeliveryCount} delivery attempts.", now, transaction);
            return;
        }

        entity.MakeAvailable(message);
    }

    private static bool Modify(StoredMessage message, IReadOnlyDictionary<string, object?>? properties)
    {
        if (properties is null || properties.Count == 0)
        {
            return false;
        }

        foreach (var (key, value) in properties)
        {
            if (!ApplicationPropertyValues.IsSupported(value))
            {
                throw new MessagingException(MessagingErrorReason.InvalidMessage, null, $"Application property '{key}' has type {value!.GetType().Name}, which Service Bus cannot carry.");
            }

            message.ApplicationProperties[key] = value;
        }

        return true;
    }
}
