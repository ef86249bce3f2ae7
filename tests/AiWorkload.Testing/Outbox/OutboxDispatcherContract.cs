using AiWorkload.Messaging.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AiWorkload.Testing.Outbox;

/// <summary>
/// What the outbox dispatcher must do over every <see cref="IOutboxStore"/>: each store's test project derives a class per
/// database (SQLite, PostgreSQL) from this one, so the one dispatcher is proven on all four outboxes.
/// </summary>
public abstract class OutboxDispatcherContract<TStore> : IAsyncLifetime
    where TStore : class, IOutboxStore
{
    protected static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private TStore? _store;

    protected TStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected ManualTimeProvider Time { get; } = new(Now);

    protected OutboxOptions Options { get; } = new() { SweepInterval = TimeSpan.FromMinutes(10), RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(8), BatchSize = 3 };

    protected OutboxTestBroker<TStore> Broker { get; } = new();

    protected OutboxSignal<TStore> Signal { get; } = new();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => DisposeStoreAsync();

    /// <summary>A fresh, empty store of its own for one test.</summary>
    protected abstract Task<TStore> CreateStoreAsync();

    protected abstract Task DisposeStoreAsync();

    /// <summary>Commits one entry per MessageId, in this order, each in a transaction of its own.</summary>
    protected abstract Task CommitAsync(params string[] messageIds);

    [Fact]
    public async Task Entries_are_published_in_commit_order_across_batches_and_marked()
    {
        await CommitAsync([.. Enumerable.Range(0, 7).Select(i => $"m{i}")]);
        using var dispatcher = Dispatcher();

        Assert.True(await dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"m{i}"), Broker.Delivered);
        Assert.Empty(await Store.GetUnpublishedAsync(10));
    }

    [Fact]
    public async Task A_crash_between_publish_and_mark_publishes_again_under_the_same_MessageId_and_duplicate_detection_drops_it()
    {
        await CommitAsync("first", "second");
        using var dying = new CancellationTokenSource();
        // The process dies right after the broker accepted "first": the dispatcher never gets to mark it.
        Broker.AfterPublish = _ =>
        {
            dying.Cancel();
            dying.Token.ThrowIfCancellationRequested();
        };
        using (var crashing = Dispatcher())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.DispatchPendingAsync(dying.Token));
        }

        Assert.Equal(2, (await Store.GetUnpublishedAsync(10)).Count);
        Broker.AfterPublish = null;
        using var restarted = Dispatcher();

        Assert.True(await restarted.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(["first", "first", "second"], Broker.Accepted);
        Assert.Equal(["first", "second"], Broker.Delivered);
        Assert.Empty(await Store.GetUnpublishedAsync(10));
    }

    [Fact]
    public async Task A_broker_outage_leaves_entries_pending_backs_off_and_then_delivers_them_in_order()
    {
        await CommitAsync("b1", "b2");
        Broker.FailuresLeft = 2;
        using var dispatcher = Dispatcher();

        await dispatcher.StartAsync(CancellationToken.None);
        await Until(() => Task.FromResult(Broker.Attempts == 1));
        Assert.Equal(2, (await Store.GetUnpublishedAsync(10)).Count);

        // A commit during the outage does not wake it: only the backoff does, so a broker that is down is not hammered.
        Signal.Notify();
        await Task.Delay(100);
        Assert.Equal(1, Broker.Attempts);

        await AdvanceUntil(() => Task.FromResult(Broker.Attempts == 2), TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await Store.GetUnpublishedAsync(10)).Count);

        await AdvanceUntil(async () => (await Store.GetUnpublishedAsync(10)).Count == 0, TimeSpan.FromSeconds(2));
        Assert.Equal(["b1", "b2"], Broker.Delivered);
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_commit_signal_wakes_the_dispatcher_before_the_sweep()
    {
        using var dispatcher = Dispatcher();
        await dispatcher.StartAsync(CancellationToken.None);
        await Task.Delay(50); // into its wait: the sweep is ten (manual) minutes away

        await CommitAsync("late");
        Signal.Notify();

        await Until(() => Task.FromResult(Broker.Delivered.Count == 1));
        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void The_backoff_doubles_from_the_retry_delay_up_to_the_maximum() =>
        Assert.Equal([1d, 2, 4, 8, 8, 8], Enumerable.Range(1, 6).Select(n => Options.Backoff(n).TotalSeconds));

    protected OutboxDispatcher<TStore> Dispatcher() =>
        new(Store, Broker, Signal, Options, Time, NullLogger<OutboxDispatcher<TStore>>.Instance);

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 10 seconds.");
            await Task.Delay(10);
        }
    }

    /// <summary>The dispatcher waits on the manual clock; moving it a step at a time lets its backoff elapse.</summary>
    private async Task AdvanceUntil(Func<Task<bool>> condition, TimeSpan step)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 10 seconds.");
            Time.Advance(step);
            await Task.Delay(20);
        }
    }
}
