using System.Collections.Concurrent;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_senders_and_competing_receivers_complete_every_message_exactly_once(bool durable)
    {
        using var directory = new TemporaryDirectory();
        const int senders = 4, perSender = 500, receivers = 6, total = senders * perSender;
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("work"), TimeProvider.System, durable ? directory.Path : null);
        var completions = new ConcurrentDictionary<string, int>();
        var lockHolders = new ConcurrentDictionary<string, Guid>();
        var overlaps = 0;
        var done = 0;

        var sending = Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < perSender; i += 5)
            {
                await bus.SendAsync("work", Enumerable.Range(i, 5).Select(n => TestEngine.Message($"{s}-{n}", $"{s}-{n}")).ToList());
            }
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var receiving = Enumerable.Range(0, receivers).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < total && !timeout.IsCancellationRequested)
            {
                foreach (var message in await bus.ReceiveAsync("work", 7, TimeSpan.FromMilliseconds(200)))
                {
                    if (!lockHolders.TryAdd(message.MessageId, message.LockToken))
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    await Task.Yield();
                    lockHolders.TryRemove(message.MessageId, out Guid _);
                    await bus.CompleteAsync("work", message.LockToken);
                    completions.AddOrUpdate(message.MessageId, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref done);
                }
            }
        }));

        await Task.WhenAll(sending.Concat(receiving));

        Assert.Equal(0, overlaps);
        Assert.Equal(total, completions.Count);
        Assert.All(completions, c => Assert.Equal(1, c.Value));
        Assert.Empty(bus.Peek("work", 0, 10));
    }
}
