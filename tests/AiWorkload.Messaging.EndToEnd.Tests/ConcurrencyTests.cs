namespace AiWorkload.Messaging.EndToEnd.Tests;

public sealed class ConcurrencyTests
{
    private static readonly MessageSource Work = MessageSource.Queue(TestTopology.Work);

    [Fact]
    public async Task Up_to_MaxConcurrentCalls_handlers_run_at_once()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work, o => o.MaxConcurrentCalls = 3).AddHandler<Ping, TestHandler<Ping>>());
        using var allRunning = new CountdownEvent(3);
        var peak = 0;
        var running = 0;
        var started = 0;
        bus.Script.OnMessage = async (_, _, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (Interlocked.Increment(ref started) <= 3)
            {
                allRunning.Signal();
            }

            await Task.Run(() => allRunning.Wait(TimeSpan.FromSeconds(10), ct), ct);
            Interlocked.Decrement(ref running);
        };

        await bus.Bus.SendBatchAsync([new Ping("1"), new Ping("2"), new Ping("3"), new Ping("4")]);

        await bus.Recorder.WaitForCountAsync(4);
        await bus.WaitUntilEmptyAsync(TestTopology.Work);
        Assert.True(allRunning.IsSet, "three handlers never ran at the same time");
        Assert.Equal(3, peak);
    }

    [Fact]
    public async Task With_prefetch_and_one_call_at_a_time_messages_are_handled_in_order()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work, o => o.PrefetchCount = 10).AddHandler<Ping, TestHandler<Ping>>());
        var running = 0;
        var overlapped = false;
        bus.Script.OnMessage = async (_, _, _) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Yield();
            Interlocked.Decrement(ref running);
        };

        await bus.Bus.SendBatchAsync([.. Enumerable.Range(1, 8).Select(i => new Ping($"{i}"))]);

        var handled = await bus.Recorder.WaitForCountAsync(8);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"{i}"), handled.Select(h => h.As<Ping>().Id));
        Assert.False(overlapped);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
