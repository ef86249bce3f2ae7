using AiWorkload.Messaging;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Contract;

/// <summary>Finds one message in a dead-letter queue that may hold leftovers from earlier runs, paging as DeadLetterQueues does.</summary>
public static class DeadLetterWaiting
{
    private const int PageSize = 100;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static async Task<TransportReceivedMessage> PeekAsync(IMessagingTransport transport, MessageSource source, string messageId)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await FindAsync(transport, source, messageId) is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.Fail($"{messageId} did not reach the dead-letter queue of {source} within {Wait}.");
        throw new InvalidOperationException("unreachable");
    }

    public static async Task<bool> IsPresentAsync(IMessagingTransport transport, MessageSource source, string messageId) =>
        await FindAsync(transport, source, messageId) is not null;

    /// <summary>Locks dead letters until ours is found, completes it, and gives the others back.</summary>
    public static async Task CompleteAsync(IMessagingTransport transport, MessageSource source, string messageId)
    {
        var held = new List<ITransportDelivery>();
        try
        {
            var deadline = DateTimeOffset.UtcNow + Wait;
            while (DateTimeOffset.UtcNow < deadline)
            {
                foreach (var delivery in await transport.ReceiveDeadLettersAsync(source, PageSize, TimeSpan.FromSeconds(2), CancellationToken.None))
                {
                    if (delivery.Message.MessageId == messageId)
                    {
                        await delivery.CompleteAsync(CancellationToken.None);
                        return;
                    }

                    held.Add(delivery);
                }
            }

            Assert.Fail($"{messageId} could not be received from the dead-letter queue of {source} within {Wait}.");
        }
        finally
        {
            foreach (var delivery in held)
            {
                await delivery.AbandonAsync(null, CancellationToken.None);
            }
        }
    }

    private static async Task<TransportReceivedMessage?> FindAsync(IMessagingTransport transport, MessageSource source, string messageId)
    {
        var from = 0L;
        while (true)
        {
            var page = await transport.PeekDeadLettersAsync(source, from, PageSize, CancellationToken.None);
            if (page.FirstOrDefault(m => m.MessageId == messageId) is { } found)
            {
                return found;
            }

            if (page.Count < PageSize)
            {
                return null;
            }

            from = page[^1].SequenceNumber + 1;
        }
    }
}
