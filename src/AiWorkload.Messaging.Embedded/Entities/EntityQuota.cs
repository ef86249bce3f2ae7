namespace AiWorkload.Messaging.Embedded.Entities;

/// <summary>
/// MaxSizeInMegabytes, as the service enforces it: a queue counts its messages, its dead-letter sub-queues and its
/// scheduled messages; a topic counts every subscription's. A send that would pass the limit fails whole with QuotaExceeded.
/// </summary>
internal static class EntityQuota
{
    public static void Check(string path, int maxSizeInMegabytes, long storedBytes, long incomingBytes)
    {
        var limit = maxSizeInMegabytes * 1024L * 1024L;
        if (storedBytes + incomingBytes > limit)
        {
            throw new MessagingException(
                MessagingErrorReason.QuotaExceeded,
                path,
                $"The maximum entity size has been reached or exceeded: {storedBytes:N0} bytes are stored, {incomingBytes:N0} more were sent, and the limit is {maxSizeInMegabytes} MB. Receive or purge messages, or raise MaxSizeInMegabytes.");
        }
    }

    public static long StoredBytes(MessageEntity entity) =>
        entity.SizeInBytes + (entity.DeadLetter?.SizeInBytes ?? 0) + (entity.TransferDeadLetter?.SizeInBytes ?? 0);

}
