using AiWorkload.Catalog;
using AiWorkload.Catalog.Sqlite;
using AiWorkload.Contracts.Events;
using AiWorkload.Ingestion.Outbox;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiWorkload.Ingestion.Tests;

/// <summary>
/// What the outbox dispatcher does with workload messages in particular. Ordering, backoff, wake-up and a crash between
/// publish and mark are proven on every store by the dispatcher contract (AiWorkload.Testing.Outbox).
/// </summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteWorkloadCatalog _catalog;
    private readonly ManualTimeProvider _time = new(Now);
    private readonly OutboxOptions _options = new() { SweepInterval = TimeSpan.FromMinutes(10), RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(8) };

    public OutboxDispatcherTests() => _catalog = new SqliteWorkloadCatalog(_directory.Path);

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
        Assert.Equal(["x:1", "DataIngested:broken"], (await _catalog.GetUnpublishedAsync(10)).Select(e => e.Id));
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
        Assert.Equal("DataIngested:data-ingested:d:huge", Assert.Single(await _catalog.GetUnpublishedAsync(10)).Id);
    }

    [Fact]
    public void Writing_the_same_message_twice_makes_the_same_entry()
    {
        var first = WorkloadOutbox.Entry(Ingested("same"), Now);
        var second = WorkloadOutbox.Entry(Ingested("same"), Now.AddMinutes(1));

        Assert.Equal(first.Id, second.Id);
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

    private OutboxDispatcher<IWorkloadCatalog> Dispatcher(ScriptedBus bus) =>
        new(_catalog, new WorkloadOutboxPublisher(bus), new OutboxSignal<IWorkloadCatalog>(), _options, _time, NullLogger<OutboxDispatcher<IWorkloadCatalog>>.Instance);
}
