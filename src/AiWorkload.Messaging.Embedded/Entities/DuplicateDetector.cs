namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>MessageIds seen within the window, with the sequence number they were accepted under.</summary>
internal sealed class DuplicateDetector(TimeSpan window)
{
    private readonly Dictionary<string, (DateTimeOffset ExpiresAt, long SequenceNumber)> _seen = new(StringComparer.Ordinal);

    public TimeSpan Window { get; set; } = window;

    public int Count => _seen.Count;

    public bool TryGetDuplicate(string messageId, DateTimeOffset now, out long sequenceNumber)
    {
        if (_seen.TryGetValue(messageId, out var entry) && entry.ExpiresAt > now)
        {
            sequenceNumber = entry.SequenceNumber;
            return true;
        }

        sequenceNumber = 0;
        return false;
    }

    public DateTimeOffset Record(string messageId, DateTimeOffset now, long sequenceNumber)
    {
        var expiresAt = now + Window;
        _seen[messageId] = (expiresAt, sequenceNumber);
        return expiresAt;
    }

    public void Restore(string messageId, DateTimeOffset expiresAt, long sequenceNumber) => _seen[messageId] = (expiresAt, sequenceNumber);

    public int Purge(DateTimeOffset now)
    {
        var expired = _seen.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList();
        foreach (var key in expired)
        {
            _seen.Remove(key);
        }

        return expired.Count;
    }
}
