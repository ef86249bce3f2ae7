using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Embedded.Storage;

namespace AiWorkload.Messaging.Embedded;

public sealed partial class EmbeddedServiceBus
{
    /// <summary>The default long-poll, as Azure Service Bus receivers use.</summary>
    public static readonly TimeSpan DefaultMaxWaitTime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/>, waiting up to <paramref name="maxWait"/> for the first one without polling:
    /// waiters are woken by sends, abandons and the next lock expiry or schedule. Returns an empty list on timeout.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        string entityPath,
        int maxMessages = 1,
        TimeSpan? maxWait = null,
        ReceiveMode mode = ReceiveMode.PeekLock,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        return await ReceiveLoop(entityPath, null, maxMessages, maxWait ?? DefaultMaxWaitTime, mode, cancellationToken);
    }

    /// <summary>Receives deferred messages by sequence number; each must exist and be deferred.</summary>
    public Task<IReadOnlyList<ReceivedMessage>> ReceiveDeferredAsync(string entityPath, IReadOnlyList<long> sequenceNumbers, CancellationToken cancellationToken = default) =>
        ReceiveDeferred(entityPath, null, sequenceNumbers);

    /// <summary>Returns messages from <paramref name="fromSequenceNumber"/> on, in every state, without locking them.</summary>
    public IReadOnlyList<ReceivedMessage> Peek(string entityPath, long fromSequenceNumber = 0, int maxMessages = 1)
    {
        lock (_sync)
        {
            var entity = GetReceivable(entityPath);
            var scheduled = entity.Target?.Scheduled.Values ?? Enumerable.Empty<StoredMessage>();
            return [.. entity.Messages.Values.Concat(scheduled)
                .Where(m => m.SequenceNumber >= fromSequenceNumber)
                .OrderBy(m => m.SequenceNumber)
                .Take(maxMessages)
                .Select(m => m.Snapshot(includeLock: false))];
        }
    }

    private async Task<IReadOnlyList<ReceivedMessage>> ReceiveLoop(
        string entityPath, SessionHandle? session, int maxMessages, TimeSpan maxWait, ReceiveMode mode, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + maxWait;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var transaction = new StoreTransaction();
            List<ReceivedMessage> received;
            Task wake;
            Task committed;
            DateTimeOffset? nextDue;
            lock (_sync)
            {
                var entity = GetReceivable(entityPath);
                var now = _time.GetUtcNow();
                Maintain(entity, now, transaction);
                SessionEntry? sessionEntry = null;
                if (session is not null)
                {
                    sessionEntry = ValidateSession(entity, session, now, transaction);
                }
                else if (entity.RequiresSession)
                {
                    throw new MessagingException(MessagingErrorReason.InvalidOperation, entityPath, "The entity requires sessions: accept a session and receive through it.");
                }

                received = Take(entity, sessionEntry, maxMessages, mode, now, transaction);
                committed = Commit(transaction);
                wake = entity.Signal.WaitAsync();
                nextDue = entity.NextDueAt();
            }

            await committed;
            if (received.Count > 0)
            {
                return received;
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return received;
            }

            if (nextDue is { } due && due - _time.GetUtcNow() < remaining)
            {
                remaining = due - _time.GetUtcNow() < TimeSpan.Zero ? TimeSpan.Zero : due - _time.GetUtcNow();
            }

            await WaitForChange(wake, remaining, cancellationToken);
        }
    }

    private async Task WaitForChange(Task wake, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, _time, cancel.Token);
        await Task.WhenAny(wake, delay);
        await cancel.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private List<ReceivedMessage> Take(MessageEntity entity, SessionEntry? session, int maxMessages, ReceiveMode mode, DateTimeOffset now, StoreTransaction transaction)
    {
        var ready = session?.Available ?? entity.Available;
        var received = new List<ReceivedMessage>(Math.Min(maxMessages, ready.Count));
        while (received.Count < maxMessages && ready.Count > 0)
        {
            var sequence = ready.Min;
            ready.Remove(sequence);
            var message = entity.Messages[sequence];
            if (entity.ExpiresMessages && message.ExpiresAt <= now)
            {
                ExpireMessage(entity, message, now, transaction);
                continue;
            }

            message.DeliveryCount++;
            if (mode == ReceiveMode.PeekLock)
            {
                entity.Lock(message, Guid.NewGuid(), session?.LockedUntil ?? now + entity.LockDuration, trackExpiry: session is null);
                transaction.Add(new UpdateDeliveryCount(entity.Id, sequence, message.DeliveryCount));
                received.Add(message.Snapshot());
            }
            else
            {
                var snapshot = message.Snapshot();
                entity.Remove(message);
                transaction.Add(new DeleteMessage(entity.Id, sequence));
                received.Add(snapshot);
            }
        }

        return received;
    }

    private Task<IReadOnlyList<ReceivedMessage>> ReceiveDeferred(string entityPath, SessionHandle? session, IReadOnlyList<long> sequenceNumbers)
    {
        var transaction = new StoreTransaction();
        var received = new List<ReceivedMessage>(sequenceNumbers.Count);
        Task committed;
        lock (_sync)
        {
            var entity = GetReceivable(entityPath);
            var now = _time.GetUtcNow();
            var sessionEntry = session is null ? null : ValidateSession(entity, session, now, transaction);
            var messages = sequenceNumbers.Select(sequence =>
                entity.Messages.TryGetValue(sequence, out var m) && m.State == MessageState.Deferred && !m.IsLocked &&
                (sessionEntry is null || m.SessionId == sessionEntry.SessionId)
                    ? m
                    : throw new MessagingException(MessagingErrorReason.MessageNotFound, entityPath, $"No deferred message with sequence number {sequence} is available.")).ToList();
            foreach (var message in messages)
            {
                message.DeliveryCount++;
                entity.Lock(message, Guid.NewGuid(), sessionEntry?.LockedUntil ?? now + entity.LockDuration, trackExpiry: sessionEntry is null);
                transaction.Add(new UpdateDeliveryCount(entity.Id, message.SequenceNumber, message.DeliveryCount));
                received.Add(message.Snapshot());
            }

            committed = Commit(transaction);
        }

        return committed.ContinueWith<IReadOnlyList<ReceivedMessage>>(t => { t.GetAwaiter().GetResult(); return received; }, TaskScheduler.Default);
    }

    /// <summary>An expired message is never delivered: it is dead-lettered when the entity says so, otherwise dropped.</summary>
    private void ExpireMessage(MessageEntity entity, StoredMessage message, DateTimeOffset now, StoreTransaction transaction)
    {
        if (entity.DeadLetterOnExpiration)
        {
            DeadLetter(entity, message, DeadLetterProperties.TtlExpired, "The message expired and was dead lettered.", now, transaction);
            return;
        }

        entity.Remove(message);
        transaction.Add(new DeleteMessage(entity.Id, message.SequenceNumber));
    }
}
