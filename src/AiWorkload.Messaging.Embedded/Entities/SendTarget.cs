using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>What queues and topics share as destinations of a send: a sequence, duplicate detection and scheduled messages.</summary>
internal sealed class SendTarget(SequenceCounter counter, DuplicateDetector? duplicates)
{
    public SequenceCounter Counter { get; } = counter;

    public DuplicateDetector? Duplicates { get; set; } = duplicates;

    public Dictionary<long, StoredMessage> Scheduled { get; } = [];

    public PriorityQueue<long, DateTimeOffset> ScheduleQueue { get; } = new();

    /// <summary>What the scheduled messages count against the size quota, kept as they come and go, not summed per send.</summary>
    public long ScheduledBytes { get; private set; }

    public DateTimeOffset? NextScheduledAt => ScheduleQueue.TryPeek(out _, out var due) ? due : null;

    public void AddScheduled(StoredMessage message)
    {
        message.State = MessageState.Scheduled;
        Scheduled[message.SequenceNumber] = message;
        message.AccountedSize = message.Size;
        ScheduledBytes += message.AccountedSize;
        ScheduleQueue.Enqueue(message.SequenceNumber, message.ScheduledEnqueueTime ?? DateTimeOffset.MinValue);
    }

    /// <summary>Cancels a scheduled message; false when none has that sequence number.</summary>
    public bool RemoveScheduled(long sequenceNumber)
    {
        if (!Scheduled.Remove(sequenceNumber, out var message))
        {
            return false;
        }

        ScheduledBytes -= message.AccountedSize;
        return true;
    }

    /// <summary>Removes and returns the scheduled messages due by <paramref name="now"/>, in due order.</summary>
    public List<StoredMessage> TakeDue(DateTimeOffset now)
    {
        var due = new List<StoredMessage>();
        while (ScheduleQueue.TryPeek(out var sequence, out var at) && at <= now)
        {
            ScheduleQueue.Dequeue();
            if (Scheduled.Remove(sequence, out var message))
            {
                ScheduledBytes -= message.AccountedSize;
                due.Add(message);
            }
        }

        return due;
    }
}
