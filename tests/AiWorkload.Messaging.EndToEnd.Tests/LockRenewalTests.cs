using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>
/// A handler that outlives the lock (training) keeps its message: the processor renews the lock until the handler ends.
/// A manual clock runs three lock durations in a fraction of a second.
/// </summary>
public sealed class LockRenewalTests
{
    private static readonly MessageSource ShortLock = MessageSource.Queue(TestTopology.ShortLock);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task The_lock_is_renewed_while_a_long_handler_runs_so_the_message_is_completed_once()
    {
        var time = new ManualTimeProvider();
        await using var bus = await StartAsync(time, TimeSpan.FromMinutes(5));
        using var metrics = new MetricCollector(bus.Telemetry.Meter);
        var release = new TaskCompletionSource();
        bus.Script.OnMessage = (_, _, ct) => release.Task.WaitAsync(ct);

        await bus.Bus.SendAsync(new Ping("train"));
        await bus.Recorder.WaitForCountAsync(1);
        await RunClockAsync(time, TimeSpan.FromSeconds(15), metrics); // three times the 5 s lock
        release.SetResult();

        var processed = await metrics.WaitForAsync("messaging.process.duration");
        Assert.Equal("complete", processed.Tag("messaging.servicebus.disposition_status"));
        Assert.Null(processed.Tag("error.type"));
        Assert.True(metrics.Of("aiworkload.messaging.lock_renewals").Count >= 4, $"{metrics.Of("aiworkload.messaging.lock_renewals").Count} renewals");
        var engine = await bus.GetEngineAsync();
        Assert.Empty(engine.Peek(TestTopology.ShortLock, 0, 10));
        Assert.Empty(engine.Peek(EntityPaths.DeadLetter(TestTopology.ShortLock), 0, 10));
        Assert.Single(bus.Recorder.Handled);
    }

    [Fact]
    public async Task Without_renewal_the_lock_expires_under_a_long_handler_and_the_message_is_delivered_again()
    {
        var time = new ManualTimeProvider();
        await using var bus = await StartAsync(time, TimeSpan.Zero);
        using var metrics = new MetricCollector(bus.Telemetry.Meter);
        var release = new TaskCompletionSource();
        bus.Script.OnMessage = (_, context, ct) => context.DeliveryCount == 1 ? release.Task.WaitAsync(ct) : Task.CompletedTask;

        await bus.Bus.SendAsync(new Ping("train"));
        await bus.Recorder.WaitForCountAsync(1);
        await RunClockAsync(time, TimeSpan.FromSeconds(6), metrics);
        release.SetResult();

        var redelivered = (await bus.Recorder.WaitForCountAsync(2))[1];
        Assert.Equal(2, redelivered.Context.DeliveryCount);
        var lost = await metrics.WaitForAsync("messaging.process.duration", m => m.Tag("error.type") is not null);
        Assert.Equal(typeof(MessagingException).FullName, lost.Tag("error.type"));
        Assert.Empty(metrics.Of("aiworkload.messaging.lock_renewals"));
    }

    private static Task<TestBus> StartAsync(TimeProvider time, TimeSpan maxRenewal) =>
        TestBus.StartAsync(
            m => m.AddProcessor(ShortLock, o => o.MaxAutoLockRenewalDuration = maxRenewal).AddHandler<Ping, TestHandler<Ping>>(),
            pingQueue: TestTopology.ShortLock,
            time: time);

    /// <summary>
    /// Moves the clock in small steps, each followed by a short real-time chance for a due renewal to run, so renewals
    /// happen at the virtual times they were scheduled for.
    /// </summary>
    private static async Task RunClockAsync(ManualTimeProvider time, TimeSpan total, MetricCollector metrics)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += Step)
        {
            var renewals = metrics.Of("aiworkload.messaging.lock_renewals").Count;
            time.Advance(Step);
            await WaitForRenewalAsync(metrics, renewals);
        }
    }

    private static async Task WaitForRenewalAsync(MetricCollector metrics, int before)
    {
        for (var i = 0; i < 10 && metrics.Of("aiworkload.messaging.lock_renewals").Count == before; i++)
        {
            await Task.Delay(5);
        }
    }
}
