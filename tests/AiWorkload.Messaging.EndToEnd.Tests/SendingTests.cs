using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests;

public sealed class SendingTests
{
    private static readonly MessageSource Work = MessageSource.Queue(TestTopology.Work);

    [Fact]
    public async Task A_batch_is_sent_in_one_go_and_every_message_is_handled()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work).AddHandler<Ping, TestHandler<Ping>>());

        await bus.Bus.SendBatchAsync([new Ping("a"), new Ping("b"), new Ping("c")]);

        var handled = await bus.Recorder.WaitForCountAsync(3);
        Assert.Equal(["a", "b", "c"], handled.Select(h => h.As<Ping>().Id).Order());
        Assert.Equal(["ping-a", "ping-b", "ping-c"], handled.Select(h => h.Context.MessageId).Order());
    }

    [Fact]
    public async Task A_resent_command_with_the_same_idempotency_key_is_dropped_by_duplicate_detection()
    {
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(MessageSource.Queue(WorkloadTopology.PipelineRunsQueue)).AddHandler<StartPipelineRun, TestHandler<StartPipelineRun>>());

        await bus.Bus.SendAsync(new StartPipelineRun("run-1"));
        await bus.Bus.SendAsync(new StartPipelineRun("run-1"));
        await bus.Bus.SendAsync(new StartPipelineRun("run-2"));

        await bus.WaitUntilEmptyAsync(WorkloadTopology.PipelineRunsQueue);
        Assert.Equal(["run-1", "run-2"], bus.Recorder.Handled.Select(h => h.As<StartPipelineRun>().RunId));
    }

    [Fact]
    public async Task A_scheduled_message_waits_invisible_until_its_time_then_is_handled()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work).AddHandler<Ping, TestHandler<Ping>>());
        var due = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);

        var scheduled = await bus.Bus.ScheduleAsync(new Ping("later"), due);

        var engine = await bus.GetEngineAsync();
        var waiting = Assert.Single(engine.Peek(TestTopology.Work, 0, 10));
        Assert.Equal(MessageState.Scheduled, waiting.State);
        Assert.Equal(scheduled.SequenceNumber, waiting.SequenceNumber);
        Assert.Equal("ping-later", scheduled.MessageId);
        Assert.Empty(bus.Recorder.Handled);

        var handled = Assert.Single(await bus.Recorder.WaitForCountAsync(1));
        Assert.True(handled.StartedAt >= due - TimeSpan.FromMilliseconds(50), $"handled at {handled.StartedAt:O}, due {due:O}");
    }

    [Fact]
    public async Task A_cancelled_scheduled_message_is_never_delivered()
    {
        await using var bus = await TestBus.StartAsync();

        var scheduled = await bus.Bus.ScheduleAsync(new Ping("never"), DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
        await bus.Bus.CancelScheduledAsync(scheduled);

        var engine = await bus.GetEngineAsync();
        Assert.Empty(engine.Peek(TestTopology.Work, 0, 10));
        var error = await Assert.ThrowsAsync<MessagingException>(() => bus.Bus.CancelScheduledAsync(scheduled));
        Assert.Equal(MessagingErrorReason.MessageNotFound, error.Reason);
    }

    [Fact]
    public async Task An_application_property_Service_Bus_cannot_carry_is_refused_at_send()
    {
        await using var bus = await TestBus.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bus.Bus.SendAsync(new Ping("x"), new MessageOptions
        {
            Properties = new Dictionary<string, object?> { ["tags"] = new List<string> { "a" } },
        }));
        Assert.Contains("'tags'", error.Message, StringComparison.Ordinal);
    }
}
