using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class SessionTests
{
    private static async Task SendAsync(ServiceBusClient client, params (string Session, string Body)[] messages)
    {
        await using var sender = client.CreateSender("sessions");
        await sender.SendMessagesAsync(messages.Select(m => new ServiceBusMessage(m.Body) { SessionId = m.Session }).ToList());
    }

    [Fact]
    public async Task A_named_session_receives_only_its_own_messages_in_order()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("a", "a-1"), ("b", "b-1"), ("a", "a-2"), ("b", "b-2"), ("a", "a-3"));

        await using var receiver = await client.AcceptSessionAsync("sessions", "a");
        var received = await Receiving.ReceiveAllAsync(receiver, 3);

        Assert.Equal("a", receiver.SessionId);
        Assert.Equal(["a-1", "a-2", "a-3"], received.Select(m => m.Body.ToString()));
        Assert.All(received, m => Assert.Equal("a", m.SessionId));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task AcceptNextSessionAsync_locks_a_session_that_has_messages()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("only", "o-1"), ("only", "o-2"));

        await using var receiver = await client.AcceptNextSessionAsync("sessions");
        var received = await Receiving.ReceiveAllAsync(receiver, 2);

        Assert.Equal("only", receiver.SessionId);
        Assert.True(receiver.SessionLockedUntil > DateTimeOffset.UtcNow);
        Assert.Equal(["o-1", "o-2"], received.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task AcceptNextSessionAsync_skips_sessions_locked_elsewhere()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("first", "f"), ("second", "s"));

        await using var one = await client.AcceptNextSessionAsync("sessions");
        await using var two = await client.AcceptNextSessionAsync("sessions");

        Assert.Equal(["first", "second"], new[] { one.SessionId, two.SessionId }.Order());
    }

    [Fact]
    public async Task AcceptNextSessionAsync_with_no_session_available_times_out()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(2)));

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => client.AcceptNextSessionAsync("sessions"));

        Assert.Equal(ServiceBusFailureReason.ServiceTimeout, error.Reason);
    }

    [Fact]
    public async Task A_second_accept_of_a_locked_session_cannot_lock_it()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(options: Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await SendAsync(client, ("busy", "b"));

        await using var first = await client.AcceptSessionAsync("sessions", "busy");
        var error = await Assert.ThrowsAsync<ServiceBusException>(() => client.AcceptSessionAsync("sessions", "busy"));

        Assert.Equal(ServiceBusFailureReason.SessionCannotBeLocked, error.Reason);
    }

    [Fact]
    public async Task A_closed_session_can_be_accepted_again()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("again", "1"), ("again", "2"));

        await using (var first = await client.AcceptSessionAsync("sessions", "again"))
        {
            await first.CompleteMessageAsync(await Receiving.ReceiveOneAsync(first));
        }

        await using var second = await client.AcceptSessionAsync("sessions", "again");
        var received = await Receiving.ReceiveOneAsync(second);
        Assert.Equal("2", received.Body.ToString());
    }

    [Fact]
    public async Task Session_state_is_empty_then_set_then_read_back()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("stateful", "x"));

        await using (var receiver = await client.AcceptSessionAsync("sessions", "stateful"))
        {
            Assert.Null(await receiver.GetSessionStateAsync());
            await receiver.SetSessionStateAsync(BinaryData.FromString("step-2"));
            Assert.Equal("step-2", (await receiver.GetSessionStateAsync())?.ToString());
        }

        await using var later = await client.AcceptSessionAsync("sessions", "stateful");
        Assert.Equal("step-2", (await later.GetSessionStateAsync())?.ToString());
        await later.SetSessionStateAsync(null);
        Assert.Null(await later.GetSessionStateAsync());
    }

    [Fact]
    public async Task RenewSessionLockAsync_extends_SessionLockedUntil()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("renewed", "r"));

        await using var receiver = await client.AcceptSessionAsync("sessions", "renewed");
        var before = receiver.SessionLockedUntil;
        Assert.True(before > DateTimeOffset.UtcNow);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await receiver.RenewSessionLockAsync();

        Assert.True(receiver.SessionLockedUntil > before.AddMilliseconds(500), $"{receiver.SessionLockedUntil:O} after {before:O}");
    }

    [Fact]
    public async Task Session_messages_are_settled_through_the_session_receiver()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("settle", "1"), ("settle", "2"));

        await using var receiver = await client.AcceptSessionAsync("sessions", "settle");
        var first = await Receiving.ReceiveOneAsync(receiver);
        await receiver.AbandonMessageAsync(first);
        var again = await Receiving.ReceiveOneAsync(receiver);
        await receiver.CompleteMessageAsync(again);
        var second = await Receiving.ReceiveOneAsync(receiver);
        await receiver.CompleteMessageAsync(second);

        Assert.Equal("1", again.Body.ToString());
        Assert.Equal(2, again.DeliveryCount);
        Assert.Equal("2", second.Body.ToString());
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("sessions").ActiveMessageCount);
    }

    [Fact]
    public async Task Peeking_a_session_shows_only_its_messages()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await SendAsync(client, ("p", "p-1"), ("q", "q-1"), ("p", "p-2"));

        await using var receiver = await client.AcceptSessionAsync("sessions", "p");
        var peeked = await receiver.PeekMessagesAsync(10);

        Assert.Equal(["p-1", "p-2"], peeked.Select(m => m.Body.ToString()));
    }
}
