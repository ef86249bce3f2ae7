using System.Collections.Concurrent;
using System.Text;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>The retraining queue: one session per model, each session's messages handled one at a time and in order.</summary>
public sealed class SessionTests
{
    private static readonly MessageSource Retraining = MessageSource.Queue(WorkloadTopology.RetrainingQueue);

    [Fact]
    public async Task Each_session_is_handled_in_order_one_message_at_a_time_while_sessions_run_in_parallel()
    {
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(Retraining, o =>
            {
                o.MaxConcurrentSessions = 2;
                o.SessionIdleTimeout = TimeSpan.FromMilliseconds(200);
            })
            .AddHandler<RetrainModel, TestHandler<RetrainModel>>());
        var inFlight = new ConcurrentDictionary<string, int>();
        var overlapWithinSession = false;
        using var bothSessionsStarted = new CountdownEvent(2);
        bus.Script.OnMessage = async (message, context, ct) =>
        {
            var model = ((RetrainModel)message).ModelId;
            if (inFlight.AddOrUpdate(model, 1, (_, n) => n + 1) > 1)
            {
                overlapWithinSession = true;
            }

            if (((RetrainModel)message).Version == 1)
            {
                // Proves two sessions are held at once: each first message waits for the other session's first message.
                bothSessionsStarted.Signal();
                await Task.Run(() => bothSessionsStarted.Wait(TimeSpan.FromSeconds(10), ct), ct);
            }

            await Task.Yield();
            inFlight.AddOrUpdate(model, 0, (_, n) => n - 1);
        };

        await bus.Bus.SendBatchAsync([
            new RetrainModel("churn", 1), new RetrainModel("fraud", 1), new RetrainModel("churn", 2),
            new RetrainModel("fraud", 2), new RetrainModel("churn", 3), new RetrainModel("fraud", 3)]);

        var handled = await bus.Recorder.WaitForCountAsync(6);
        Assert.True(bothSessionsStarted.IsSet, "the two sessions were never processed at the same time");
        Assert.False(overlapWithinSession);
        foreach (var model in new[] { "churn", "fraud" })
        {
            var session = handled.Where(h => h.As<RetrainModel>().ModelId == model).ToList();
            Assert.Equal([1, 2, 3], session.Select(h => h.As<RetrainModel>().Version));
            Assert.All(session, h => Assert.Equal(model, h.Context.SessionId));
            Assert.All(session, h => Assert.Equal(model, h.Context.Session?.SessionId));
        }

        await bus.WaitUntilEmptyAsync(WorkloadTopology.RetrainingQueue);
    }

    [Fact]
    public async Task Session_state_carries_over_from_one_message_to_the_next()
    {
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(Retraining, o => o.SessionIdleTimeout = TimeSpan.FromMilliseconds(100))
            .AddHandler<RetrainModel, TestHandler<RetrainModel>>());
        var seen = new ConcurrentQueue<string>();
        bus.Script.OnMessage = async (message, context, ct) =>
        {
            var state = await context.Session!.GetStateAsync(ct);
            var history = state is { } bytes ? Encoding.UTF8.GetString(bytes.Span) : string.Empty;
            seen.Enqueue(history);
            await context.Session.SetStateAsync(Encoding.UTF8.GetBytes(history + ((RetrainModel)message).Version), ct);
        };

        await bus.Bus.SendBatchAsync([new RetrainModel("churn", 1), new RetrainModel("churn", 2), new RetrainModel("churn", 3)]);

        await bus.Recorder.WaitForCountAsync(3);
        Assert.Equal(["", "1", "12"], seen);
    }

    [Fact]
    public async Task A_retraining_command_sent_twice_is_trained_once()
    {
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(Retraining).AddHandler<RetrainModel, TestHandler<RetrainModel>>());

        await bus.Bus.SendAsync(new RetrainModel("churn", 4));
        await bus.Bus.SendAsync(new RetrainModel("churn", 4));
        await bus.Bus.SendAsync(new RetrainModel("churn", 5));

        await bus.WaitUntilEmptyAsync(WorkloadTopology.RetrainingQueue);
        Assert.Equal([4, 5], bus.Recorder.Handled.Select(h => h.As<RetrainModel>().Version));
    }
}
