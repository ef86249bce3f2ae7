using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class QuotaTests
{
    private static readonly byte[] Kilobyte = new byte[1024];

    [Fact]
    public async Task A_send_past_MaxSizeInMegabytes_fails_with_QuotaExceeded_and_stores_nothing()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("small") { MaxSizeInMegabytes = 1 });
        var accepted = await FillAsync(bus, "small");
        Assert.InRange(accepted, 800, 1000);

        var refused = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("small", [new OutgoingMessage(Kilobyte), new OutgoingMessage(Kilobyte)]));

        Assert.Equal(MessagingErrorReason.QuotaExceeded, refused.Reason);
        Assert.Equal("small", refused.EntityPath);
        Assert.Contains("1 MB", refused.Message, StringComparison.Ordinal);
        Assert.Equal(accepted, bus.GetRuntimeProperties("small").ActiveMessageCount);
    }

    [Fact]
    public async Task Receiving_frees_room_and_dead_letters_still_count()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("small") { MaxSizeInMegabytes = 1 });
        Assert.InRange(await FillAsync(bus, "small"), 800, 1000);

        var received = await bus.ReceiveAsync("small", 10, TimeSpan.Zero);
        foreach (var message in received)
        {
            await bus.DeadLetterAsync("small", message.LockToken, "test");
        }

        await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("small", new OutgoingMessage(Kilobyte)));
        foreach (var message in await bus.ReceiveAsync("small/$DeadLetterQueue", 10, TimeSpan.Zero))
        {
            await bus.CompleteAsync("small/$DeadLetterQueue", message.LockToken);
        }

        await bus.SendAsync("small", new OutgoingMessage(Kilobyte));
    }

    [Fact]
    public async Task Scheduled_messages_count_until_they_are_cancelled()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("small") { MaxSizeInMegabytes = 1 });
        var later = DateTimeOffset.UtcNow.AddDays(1);
        var scheduled = new List<long>();
        for (var i = 0; i < 500; i++)
        {
            scheduled.Add(await bus.ScheduleAsync("small", new OutgoingMessage(Kilobyte), later));
        }

        var accepted = await FillAsync(bus, "small");
        Assert.InRange(accepted, 400, 550);
        foreach (var sequenceNumber in scheduled.Take(100))
        {
            await bus.CancelScheduledAsync("small", sequenceNumber);
        }

        await bus.SendAsync("small", [.. Enumerable.Range(0, 90).Select(_ => new OutgoingMessage(Kilobyte))]);
    }

    [Fact]
    public async Task A_topic_counts_what_its_subscriptions_hold()
    {
        var topic = new TopicDefinition("t") { MaxSizeInMegabytes = 1, Subscriptions = [new SubscriptionDefinition("a"), new SubscriptionDefinition("b")] };
        await using var bus = await TestEngine.OpenAsync(new TopologyModel([], [topic]));

        // Each publish is held twice, once per subscription: half as many fit as in a queue of the same size.
        var accepted = await FillAsync(bus, "t");

        Assert.InRange(accepted, 400, 520);
        var refused = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("t", new OutgoingMessage(Kilobyte)));
        Assert.Equal(MessagingErrorReason.QuotaExceeded, refused.Reason);
    }

    private static async Task<int> FillAsync(EmbeddedServiceBus bus, string path)
    {
        for (var sent = 0; ; sent++)
        {
            try
            {
                await bus.SendAsync(path, new OutgoingMessage(Kilobyte));
            }
            catch (MessagingException full) when (full.Reason == MessagingErrorReason.QuotaExceeded)
            {
                Assert.InRange(sent, 1, 1100);
                return sent;
            }
        }
    }
}
