using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>A handler may settle explicitly; whatever it chooses is what the broker sees, and nothing settles twice.</summary>
public sealed class SettlementTests
{
    private static readonly MessageSource Work = MessageSource.Queue(TestTopology.Work);

    private static Task<TestBus> StartAsync() => TestBus.StartAsync(m => m.AddProcessor(Work).AddHandler<Ping, TestHandler<Ping>>());

    [Fact]
    public async Task A_handler_can_dead_letter_with_its_own_reason_and_description()
    {
        await using var bus = await StartAsync();
        bus.Script.OnMessage = (_, context, ct) => context.DeadLetterAsync("DatasetMissing", "s3://bucket/x.csv is gone", ct);

        await bus.Bus.SendAsync(new Ping("p"));

        var dead = await FailurePolicyTests.WaitForDeadLetterAsync(await bus.GetEngineAsync(), TestTopology.Work);
        Assert.Equal("DatasetMissing", dead.DeadLetterReason);
        Assert.Equal("s3://bucket/x.csv is gone", dead.DeadLetterErrorDescription);
        Assert.Single(bus.Recorder.Handled);
    }

    [Fact]
    public async Task A_handler_can_defer_and_the_message_stays_deferred()
    {
        await using var bus = await StartAsync();
        var deferred = new TaskCompletionSource();
        bus.Script.OnMessage = async (_, context, ct) =>
        {
            await context.DeferAsync(ct);
            deferred.SetResult();
        };

        await bus.Bus.SendAsync(new Ping("p"));
        await deferred.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var engine = await bus.GetEngineAsync();
        var message = Assert.Single(engine.Peek(TestTopology.Work, 0, 10));
        Assert.Equal(MessageState.Deferred, message.State);
        Assert.Single(bus.Recorder.Handled);
    }

    [Fact]
    public async Task A_handler_can_abandon_and_the_message_comes_back_with_a_higher_delivery_count()
    {
        await using var bus = await StartAsync();
        bus.Script.OnMessage = (_, context, ct) => context.DeliveryCount == 1
            ? context.AbandonAsync(new Dictionary<string, object?> { ["note"] = "not yet" }, ct)
            : Task.CompletedTask;

        await bus.Bus.SendAsync(new Ping("p"));

        var handled = await bus.Recorder.WaitForCountAsync(2);
        await bus.WaitUntilEmptyAsync(TestTopology.Work);
        Assert.Equal(2, handled[1].Context.DeliveryCount);
        Assert.Equal("not yet", handled[1].Context.Properties["note"]);
    }

    [Fact]
    public async Task Settling_twice_is_refused_and_the_first_settlement_stands()
    {
        await using var bus = await StartAsync();
        var second = new TaskCompletionSource<Exception>();
        bus.Script.OnMessage = async (_, context, ct) =>
        {
            await context.CompleteAsync(ct);
            second.SetResult(await Assert.ThrowsAsync<InvalidOperationException>(() => context.DeadLetterAsync("Again", null, ct)));
        };

        await bus.Bus.SendAsync(new Ping("p"));

        Assert.Contains("already settled (complete)", (await second.Task.WaitAsync(TimeSpan.FromSeconds(10))).Message, StringComparison.Ordinal);
        await bus.WaitUntilEmptyAsync(TestTopology.Work);
        Assert.Empty((await bus.GetEngineAsync()).Peek(Embedded.Entities.EntityPaths.DeadLetter(TestTopology.Work), 0, 10));
    }
}
