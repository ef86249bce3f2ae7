using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Testing.Outbox;

/// <summary>
/// A publisher straight into a broker with duplicate detection: what it accepts is recorded by MessageId (the entry's, or
/// its id when the message type would derive it), and a MessageId seen before is dropped. It can fail a number of
/// publishes (an outage) or run a step right after one (a crash before the entry is marked).
/// </summary>
public sealed class OutboxTestBroker<TStore> : IOutboxPublisher<TStore>
    where TStore : IOutboxStore
{
    private readonly Lock _sync = new();
    private readonly List<string> _accepted = [];
    private readonly List<string> _delivered = [];

    public int FailuresLeft { get; set; }

    /// <summary>Runs after the broker accepted a message, before the dispatcher returns to mark it.</summary>
    public Action<OutboxEntry>? AfterPublish { get; set; }

    public int Attempts { get; private set; }

    /// <summary>Every message the broker accepted, duplicates included.</summary>
    public IReadOnlyList<string> Accepted
    {
        get
        {
            lock (_sync)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>What receivers get: each MessageId once.</summary>
    public IReadOnlyList<string> Delivered
    {
        get
        {
            lock (_sync)
            {
                return [.. _delivered];
            }
        }
    }

    public Task<ScheduledMessage?> PublishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var messageId = entry.MessageId ?? entry.Id;
        lock (_sync)
        {
            Attempts++;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new MessagingException(MessagingErrorReason.ServiceBusy, "outbox-test", "The broker is unreachable.");
            }

            _accepted.Add(messageId);
            if (!_delivered.Contains(messageId))
            {
                _delivered.Add(messageId);
            }
        }

        AfterPublish?.Invoke(entry);
        return Task.FromResult<ScheduledMessage?>(null);
    }
}
