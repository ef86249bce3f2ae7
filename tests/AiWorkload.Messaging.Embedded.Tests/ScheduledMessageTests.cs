using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;

namespace AiWorkload.Messaging.Embedded.Tests;

public sealed class ScheduledMessageTests
{
    [Fact]
    public async Task A_scheduled_message_is_invisible_until_its_time_then_active_with_a_new_sequence_number()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        var sequence = await bus.ScheduleAsync("jobs", TestEngine.Message("later"), time.GetUtcNow().AddMinutes(5));
        await bus.SendAsync("jobs", TestEngine.Message("now"));

        Assert.Equal(MessageState.Scheduled, bus.Peek("jobs", sequence, 1)[0].State);
        var now = Assert.Single(await bus.ReceiveAsync("jobs", 10, TimeSpan.Zero));
        Assert.Equal("now", now.Text());
        await bus.CompleteAsync("jobs", now.LockToken);

        time.Advance(TimeSpan.FromMinutes(5));

        var activated = await bus.ReceiveOneAsync("jobs");
        Assert.Equal("later", activated.Text());
        Assert.True(activated.SequenceNumber > sequence);
        Assert.Equal(time.GetUtcNow(), activated.EnqueuedTime);
        Assert.Equal(MessageState.Active, activated.State);
    }

    [Fact]
    public async Task ScheduledEnqueueTime_on_a_plain_send_schedules_the_message()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        var message = TestEngine.Message("later");
        message.ScheduledEnqueueTime = time.GetUtcNow().AddSeconds(30);
        await bus.SendAsync("jobs", message);

        await bus.AssertEmptyAsync("jobs");
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("later", (await bus.ReceiveOneAsync("jobs")).Text());
    }

    [Fact]
    public async Task Cancelling_deletes_a_scheduled_message()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        var sequence = await bus.ScheduleAsync("jobs", TestEngine.Message("never"), time.GetUtcNow().AddMinutes(1));

        await bus.CancelScheduledAsync("jobs", sequence);
        time.Advance(TimeSpan.FromMinutes(2));

        await bus.AssertEmptyAsync("jobs");
        Assert.Empty(bus.Peek("jobs", 0, 10));
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.CancelScheduledAsync("jobs", sequence));
        Assert.Equal(MessagingErrorReason.MessageNotFound, error.Reason);
    }

    [Fact]
    public async Task A_waiting_receiver_gets_a_scheduled_message_when_it_activates()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("jobs"), time);
        await bus.ScheduleAsync("jobs", TestEngine.Message("later"), time.GetUtcNow().AddSeconds(10));
        var waiting = bus.ReceiveAsync("jobs", 1, TimeSpan.FromMinutes(1));
        await Task.Delay(20);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("later", Assert.Single(await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Text());
    }

    [Fact]
    public async Task Scheduling_on_a_session_queue_without_a_SessionId_fails_with_the_real_reason()
    {
        var time = new ManualTimeProvider();
        await using var bus = await TestEngine.OpenWithQueueAsync(new QueueDefinition("per-model") { RequiresSession = true }, time);
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.ScheduleAsync("per-model", TestEngine.Message("x"), time.GetUtcNow().AddMinutes(1)));
        Assert.Equal(MessagingErrorReason.InvalidMessage, error.Reason);
    }
}
