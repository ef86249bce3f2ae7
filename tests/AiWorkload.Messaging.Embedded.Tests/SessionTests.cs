using System.Text;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class SessionTests
{
    private static readonly QueueDefinition Queue = new("per-model") { RequiresSession = true, LockDuration = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_session_queue_rejects_a_message_without_a_SessionId()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.SendAsync("per-model", TestEngine.Message("x", "m-1")));
        Assert.Equal(MessagingErrorReason.InvalidMessage, error.Reason);
        Assert.Contains("m-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("SessionId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_receive_on_a_session_queue_is_refused()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.ReceiveAsync("per-model", 1, TimeSpan.Zero));
        Assert.Equal(MessagingErrorReason.InvalidOperation, error.Reason);
    }

    [Fact]
    public async Task Messages_of_a_session_are_delivered_in_order_to_the_receiver_holding_it()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        await bus.SendAsync("per-model", [
            TestEngine.Message("a1", sessionId: "a"), TestEngine.Message("b1", sessionId: "b"),
            TestEngine.Message("a2", sessionId: "a"), TestEngine.Message("a3", sessionId: "a")]);

        await using var session = await bus.AcceptSessionAsync("per-model", "a", TimeSpan.Zero);
        var received = await session!.ReceiveAsync(10, TimeSpan.Zero);

        Assert.Equal(["a1", "a2", "a3"], received.Select(m => m.Text()));
        Assert.All(received, m => Assert.Equal("a", m.SessionId));
    }

    [Fact]
    public async Task Accepting_the_next_session_takes_the_oldest_waiting_one_and_sessions_are_exclusive()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        await bus.SendAsync("per-model", [TestEngine.Message("b1", sessionId: "b"), TestEngine.Message("a1", sessionId: "a")]);

        await using var first = await bus.AcceptSessionAsync("per-model", null, TimeSpan.Zero);
        await using var second = await bus.AcceptSessionAsync("per-model", null, TimeSpan.Zero);
        var third = await bus.AcceptSessionAsync("per-model", null, TimeSpan.Zero);

        Assert.Equal("b", first!.SessionId);
        Assert.Equal("a", second!.SessionId);
        Assert.Null(third);
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.AcceptSessionAsync("per-model", "b", TimeSpan.Zero));
        Assert.Equal(MessagingErrorReason.SessionCannotBeLocked, error.Reason);
    }

    [Fact]
    public async Task A_session_is_not_handed_out_while_locked_even_with_new_messages()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        await bus.SendAsync("per-model", TestEngine.Message("a1", sessionId: "a"));
        await using var holder = await bus.AcceptSessionAsync("per-model", null, TimeSpan.Zero);
        await bus.SendAsync("per-model", TestEngine.Message("a2", sessionId: "a"));

        Assert.Null(await bus.AcceptSessionAsync("per-model", null, TimeSpan.Zero));
        Assert.Equal(["a1", "a2"], (await holder!.ReceiveAsync(10, TimeSpan.Zero)).Select(m => m.Text()));
    }

    [Fact]
    public async Task Session_state_is_kept_and_survives_a_restart()
    {
        using var directory = new TemporaryDirectory();
        await using (var bus = await TestEngine.OpenWithQueueAsync(Queue, dataDirectory: directory.Path))
        {
            await using var session = await bus.AcceptSessionAsync("per-model", "model-7", TimeSpan.Zero);
            Assert.Null(await session!.GetSessionStateAsync());
            await session.SetSessionStateAsync(Encoding.UTF8.GetBytes("checkpoint-3"));
        }

        await using (var bus = await TestEngine.OpenWithQueueAsync(Queue, dataDirectory: directory.Path))
        {
            await using var session = await bus.AcceptSessionAsync("per-model", "model-7", TimeSpan.Zero);
            Assert.Equal("checkpoint-3", Encoding.UTF8.GetString((await session!.GetSessionStateAsync())!));
        }
    }

    [Fact]
    public async Task An_expired_session_lock_frees_the_session_and_returns_its_messages()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue, time);
        await bus.SendAsync("per-model", TestEngine.Message("a1", sessionId: "a"));
        var stale = await bus.AcceptSessionAsync("per-model", "a", TimeSpan.Zero);
        var message = Assert.Single(await stale!.ReceiveAsync(1, TimeSpan.Zero));

        time.Advance(TimeSpan.FromSeconds(31));

        var lost = await Assert.ThrowsAsync<MessagingException>(() => stale.CompleteAsync(message.LockToken));
        Assert.Equal(MessagingErrorReason.MessageLockLost, lost.Reason);
        await Assert.ThrowsAsync<MessagingException>(() => stale.GetSessionStateAsync());
        await using var fresh = await bus.AcceptSessionAsync("per-model", null, TimeSpan.Zero);
        var again = Assert.Single(await fresh!.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal("a1", again.Text());
        Assert.Equal(2, again.DeliveryCount);
    }

    [Fact]
    public async Task Renewing_the_session_lock_keeps_the_session_and_its_message_locks()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue, time);
        await bus.SendAsync("per-model", TestEngine.Message("a1", sessionId: "a"));
        await using var session = await bus.AcceptSessionAsync("per-model", "a", TimeSpan.Zero);
        var message = Assert.Single(await session!.ReceiveAsync(1, TimeSpan.Zero));

        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(20));
            Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(30), await session.RenewSessionLockAsync());
        }

        await session.CompleteAsync(message.LockToken);
        Assert.Empty(bus.Peek("per-model", 0, 10));
    }

    [Fact]
    public async Task Closing_a_session_receiver_releases_the_session_and_abandons_its_unsettled_messages()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        await bus.SendAsync("per-model", TestEngine.Message("a1", sessionId: "a"));
        await using (var session = await bus.AcceptSessionAsync("per-model", "a", TimeSpan.Zero))
        {
            await session!.ReceiveAsync(1, TimeSpan.Zero);
        }

        await using var next = await bus.AcceptSessionAsync("per-model", null, TimeSpan.Zero);
        Assert.Equal(2, Assert.Single(await next!.ReceiveAsync(1, TimeSpan.Zero)).DeliveryCount);
    }

    [Fact]
    public async Task Deferred_session_messages_are_received_through_the_session()
    {
        await using var bus = await TestEngine.OpenWithQueueAsync(Queue);
        await bus.SendAsync("per-model", [TestEngine.Message("a1", sessionId: "a"), TestEngine.Message("a2", sessionId: "a")]);
        await using var session = await bus.AcceptSessionAsync("per-model", "a", TimeSpan.Zero);
        var first = Assert.Single(await session!.ReceiveAsync(1, TimeSpan.Zero));
        await session.DeferAsync(first.LockToken);

        Assert.Equal("a2", Assert.Single(await session.ReceiveAsync(10, TimeSpan.Zero)).Text());
        Assert.Equal("a1", Assert.Single(await session.ReceiveDeferredAsync([first.SequenceNumber])).Text());
    }
}
