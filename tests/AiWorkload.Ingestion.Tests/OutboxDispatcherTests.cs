using AiWorkload.Catalog.Outbox;
using AiWorkload.Catalog.Sqlite;
using AiWorkload.Contracts.Events;
using AiWorkload.Ingestion.Outbox;
using AiWorkload.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Tests;

public sealed class OutboxDispatcherTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteWorkloadCatalog _catalog;
    private readonly ManualTimeProvider _time = new(Now);
    private readonly OutboxOptions _options = new() { SweepInterval = TimeSpan.FromMinutes(10), RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(8) };

    public OutboxDispatcherTests() => _catalog = new SqliteWorkloadCatalog(_directory.Path);

    [Fact]
    public async Task A_failing_publish_leaves_the_entry_pending_and_it_is_retried_after_the_backoff_in_order()
    {
        await EnqueueAsync(Ingested("b1"), Ingested("b2"));
        var bus = new ScriptedBus { FailuresLeft = 2 };
        using var dispatcher = Dispatcher(bus);

        await dispatcher.StartAsync(CancellationToken.None);
        await Until(() => bus.Attempts == 1);
        Assert.Equal(2, (await _catalog.GetPendingOutboxAsync(10)).Count);

        await AdvanceUntil(() => bus.Attempts == 2, TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await _catalog.GetPendingOutboxAsync(10)).Count);

        await AdvanceUntil(async () => (await _catalog.GetPendingOutboxAsync(10)).Count == 0, TimeSpan.FromSeconds(2));
        Assert.Equal(["b1", "b2"], bus.Sent.Cast<DataIngested>().Select(e => e.BatchId));
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_signal_wakes_the_dispatcher_before_the_sweep()
    {
        var bus = new ScriptedBus();
        var signal = new OutboxSignal();
        using var dispatcher = Dispatcher(bus, signal);
        await dispatcher.StartAsync(CancellationToken.None);
        await Task.Delay(50);

        await EnqueueAsync(Ingested("late"));
        signal.Notify();

        await Until(() => bus.Sent.Count == 1);
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Entries_this_service_cannot_send_stay_pending_without_blocking_the_others()
    {
        await _catalog.WriteAsync(w =>
        {
            w.Enqueue(new OutboxEntry("x:1", "SomeoneElsesMessage", "{}", Now));
            w.Enqueue(new OutboxEntry("DataIngested:broken", nameof(DataIngested), "not json", Now.AddTicks(1)));
            return true;
        });
        await EnqueueAsync(Ingested("ok"));
        var bus = new ScriptedBus();
        using var dispatcher = Dispatcher(bus);

        Assert.True(await dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal("ok", Assert.Single(bus.Sent.Cast<DataIngested>()).BatchId);
        Assert.Equal(["x:1", "DataIngested:broken"], (await _catalog.GetPendingOutboxAsync(10)).Select(e => e.EntryId));
    }

    [Fact]
    public async Task A_message_the_broker_refuses_for_good_is_set_aside_and_the_rest_are_sent()
    {
        await EnqueueAsync(Ingested("huge"), Ingested("fine"));
        var bus = new ScriptedBus
        {
            Refuse = m => m is DataIngested { BatchId: "huge" } ? new MessagingException(MessagingErrorReason.MessageSizeExceeded, "workload-events", "Too large.") : null,
        };
        using var dispatcher = Dispatcher(bus);

        Assert.True(await dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal("fine", Assert.Single(bus.Sent.Cast<DataIngested>()).BatchId);
        Assert.Equal("DataIngested:data-ingested:d:huge", Assert.Single(await _catalog.GetPendingOutboxAsync(10)).EntryId);
    }

    [Fact]
    public async Task More_entries_than_a_batch_are_all_sent_in_one_round()
    {
        await EnqueueAsync([.. Enumerable.Range(0, 7).Select(i => Ingested($"b{i}"))]);
        var bus = new ScriptedBus();
        _options.BatchSize = 3;
        using var dispatcher = Dispatcher(bus);

        Assert.True(await dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(7, bus.Sent.Count);
    }

    [Fact]
    public void The_backoff_doubles_from_the_retry_delay_up_to_the_maximum()
    {
        var delays = Enumerable.Range(1, 6).Select(n => OutboxDispatcher.Backoff(_options, n).TotalSeconds);

        Assert.Equal([1d, 2, 4, 8, 8, 8], delays);
    }

    [Fact]
    public void Writing_the_same_message_twice_makes_the_same_entry()
    {
        var first = WorkloadOutbox.Entry(Ingested("same"), Now);
        var second = WorkloadOutbox.Entry(Ingested("same"), Now.AddMinutes(1));

        Assert.Equal(first.EntryId, second.EntryId);
        Assert.Equal(nameof(DataIngested), first.MessageType);
        Assert.Throws<InvalidOperationException>(() => WorkloadOutbox.Entry(new object(), Now));
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _directory.Dispose();
    }

    private static DataIngested Ingested(string batch) => new($"data-ingested:d:{batch}", "d", batch, 1, 1, 1, Now);

    private async Task EnqueueAsync(params DataIngested[] events) =>
        await _catalog.WriteAsync(w =>
        {
            foreach (var e in events)
            {
                w.Enqueue(WorkloadOutbox.Entry(e, Now));
            }

            return true;
        });

    private OutboxDispatcher Dispatcher(ScriptedBus bus, OutboxSignal? signal = null) =>
        new(_catalog, bus, signal ?? new OutboxSignal(), Options.Create(_options), _time, NullLogger<OutboxDispatcher>.Instance);

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 10 seconds.");
            await Task.Delay(10);
        }
    }

    private Task AdvanceUntil(Func<bool> condition, TimeSpan step) => AdvanceUntil(() => Task.FromResult(condition()), step);

    /// <summary>The dispatcher waits on the manual clock; moving it a step at a time lets its backoff elapse.</summary>
    private async Task AdvanceUntil(Func<Task<bool>> condition, TimeSpan step)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 10 seconds.");
            _time.Advance(step);
            await Task.Delay(20);
        }
    }
}
