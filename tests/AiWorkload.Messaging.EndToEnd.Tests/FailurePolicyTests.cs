using System.Text;
using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Processing;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>Transient failures are retried with backoff; poison is dead-lettered at once; MaxDeliveryCount is the backstop.</summary>
public sealed class FailurePolicyTests
{
    private static readonly MessageSource Work = MessageSource.Queue(TestTopology.Work);

    private static Action<IMessagingBuilder> Processor(MessageSource source, Action<MessageProcessorOptions>? configure = null) =>
        m => m.AddProcessor(source, o =>
        {
            o.Retry = new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), UseJitter = false, MaxAttempts = 5 };
            configure?.Invoke(o);
        }).AddHandler<Ping, TestHandler<Ping>>();

    [Fact]
    public async Task A_transient_failure_is_retried_by_abandoning_after_the_backoff_until_it_succeeds()
    {
        await using var bus = await TestBus.StartAsync(Processor(Work, o => o.Retry.InitialDelay = TimeSpan.FromMilliseconds(100)));
        bus.Script.OnMessage = (_, context, _) => context.DeliveryCount < 3 ? throw new TimeoutException("model store busy") : Task.CompletedTask;

        await bus.Bus.SendAsync(new Ping("flaky"));

        var handled = await bus.Recorder.WaitForCountAsync(3);
        await bus.WaitUntilEmptyAsync(TestTopology.Work);
        Assert.Equal([1, 2, 3], handled.Select(h => h.Context.DeliveryCount));
        Assert.Equal([1, 2, 3], handled.Select(h => h.Context.Attempt));
        Assert.All(handled, h => Assert.Equal("ping-flaky", h.Context.MessageId));
        Assert.Equal("System.TimeoutException: model store busy", handled[2].Context.Properties[MessageProperties.LastError]);

        // Backoff doubles: 100 ms after the first failure, 200 ms after the second.
        Assert.True(handled[1].StartedAt - handled[0].StartedAt >= TimeSpan.FromMilliseconds(90), $"{handled[1].StartedAt - handled[0].StartedAt}");
        Assert.True(handled[2].StartedAt - handled[1].StartedAt >= TimeSpan.FromMilliseconds(190), $"{handled[2].StartedAt - handled[1].StartedAt}");
        var engine = await bus.GetEngineAsync();
        Assert.Empty(engine.Peek(EntityPaths.DeadLetter(TestTopology.Work), 0, 10));
    }

    [Fact]
    public async Task A_transient_failure_can_be_retried_by_a_scheduled_redelivery_that_duplicate_detection_lets_through()
    {
        // pipeline-runs has duplicate detection: the copy must travel under a derived id yet keep the sender's key.
        var source = MessageSource.Queue(WorkloadTopology.PipelineRunsQueue);
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(source, o => o.Retry = new RetryPolicy
        {
            Strategy = RetryStrategy.ScheduleRedelivery,
            InitialDelay = TimeSpan.FromMilliseconds(300),
            UseJitter = false,
        }).AddHandler<StartPipelineRun, TestHandler<StartPipelineRun>>());
        bus.Script.OnMessage = (_, context, _) => context.Attempt == 1 ? throw new IOException("artifact store unreachable") : Task.CompletedTask;

        await bus.Bus.SendAsync(new StartPipelineRun("r1"));

        var handled = await bus.Recorder.WaitForCountAsync(2);
        await bus.WaitUntilEmptyAsync(WorkloadTopology.PipelineRunsQueue);
        var retry = handled[1].Context;
        Assert.Equal(2, retry.Attempt);
        Assert.Equal(1, retry.DeliveryCount);
        Assert.Equal("run-r1", retry.MessageId);
        Assert.Equal("run-r1:retry-1", retry.TransportMessageId);
        Assert.True(handled[1].StartedAt - handled[0].StartedAt >= TimeSpan.FromMilliseconds(250), $"{handled[1].StartedAt - handled[0].StartedAt}");
        Assert.Equal(2, bus.Recorder.Handled.Count);
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_dead_lettered_with_the_reason_and_last_error()
    {
        await using var bus = await TestBus.StartAsync(Processor(Work, o => o.Retry.MaxAttempts = 3));
        bus.Script.OnMessage = (_, _, _) => throw new TimeoutException("still down");

        await bus.Bus.SendAsync(new Ping("doomed"));

        var engine = await bus.GetEngineAsync();
        var dead = await WaitForDeadLetterAsync(engine, TestTopology.Work);
        Assert.Equal(DeadLetterReasons.MaxRetriesExceeded, dead.DeadLetterReason);
        Assert.Equal("Gave up after 3 attempts. Last error: System.TimeoutException: still down", dead.DeadLetterErrorDescription);
        Assert.Equal(3, bus.Recorder.Handled.Count);
    }

    [Fact]
    public async Task A_poison_message_is_dead_lettered_at_once_without_retries()
    {
        await using var bus = await TestBus.StartAsync(Processor(Work));
        bus.Script.OnMessage = (_, _, _) => throw new PoisonMessageException("model id 'x' does not exist");

        await bus.Bus.SendAsync(new Ping("poison"));

        var engine = await bus.GetEngineAsync();
        var dead = await WaitForDeadLetterAsync(engine, TestTopology.Work);
        Assert.Equal(DeadLetterReasons.PoisonMessage, dead.DeadLetterReason);
        Assert.Equal("AiWorkload.Messaging.PoisonMessageException: model id 'x' does not exist", dead.DeadLetterErrorDescription);
        Assert.Equal(1, dead.DeliveryCount);
        Assert.Single(bus.Recorder.Handled);
    }

    [Fact]
    public async Task A_body_that_is_not_the_registered_type_is_dead_lettered_without_calling_the_handler()
    {
        await using var bus = await TestBus.StartAsync(Processor(Work));
        var engine = await bus.GetEngineAsync();

        await engine.SendAsync(TestTopology.Work, new OutgoingMessage(Encoding.UTF8.GetBytes("{not json")) { MessageId = "m1", Subject = nameof(Ping), ContentType = "application/json" });

        var dead = await WaitForDeadLetterAsync(engine, TestTopology.Work);
        Assert.Equal(DeadLetterReasons.DeserializationFailed, dead.DeadLetterReason);
        Assert.StartsWith("The body is not a valid Ping:", dead.DeadLetterErrorDescription, StringComparison.Ordinal);
        Assert.Empty(bus.Recorder.Handled);
    }

    [Fact]
    public async Task An_unknown_subject_is_dead_lettered_with_a_reason_naming_it()
    {
        await using var bus = await TestBus.StartAsync(Processor(Work));
        var engine = await bus.GetEngineAsync();

        await engine.SendAsync(TestTopology.Work, new OutgoingMessage(Encoding.UTF8.GetBytes("{}")) { MessageId = "m1", Subject = "ModelExploded" });

        var dead = await WaitForDeadLetterAsync(engine, TestTopology.Work);
        Assert.Equal(DeadLetterReasons.UnknownMessageType, dead.DeadLetterReason);
        Assert.Equal("No message type is registered for Subject 'ModelExploded'.", dead.DeadLetterErrorDescription);
        Assert.Empty(bus.Recorder.Handled);
    }

    [Fact]
    public async Task A_body_in_another_content_type_is_dead_lettered()
    {
        await using var bus = await TestBus.StartAsync(Processor(Work));
        var engine = await bus.GetEngineAsync();

        await engine.SendAsync(TestTopology.Work, new OutgoingMessage(Encoding.UTF8.GetBytes("<ping/>")) { MessageId = "m1", Subject = nameof(Ping), ContentType = "application/xml" });

        var dead = await WaitForDeadLetterAsync(engine, TestTopology.Work);
        Assert.Equal(DeadLetterReasons.UnsupportedContentType, dead.DeadLetterReason);
        Assert.Empty(bus.Recorder.Handled);
    }

    [Fact]
    public async Task MaxDeliveryCount_stays_the_backstop_when_the_retry_policy_allows_more_attempts()
    {
        await using var bus = await TestBus.StartAsync(Processor(MessageSource.Queue(TestTopology.Fragile), o => o.Retry.MaxAttempts = 100), pingQueue: TestTopology.Fragile);
        bus.Script.OnMessage = (_, _, _) => throw new TimeoutException("down");

        await bus.Bus.SendAsync(new Ping("backstop"));

        var engine = await bus.GetEngineAsync();
        var dead = await WaitForDeadLetterAsync(engine, TestTopology.Fragile);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, dead.DeadLetterReason);
        Assert.Equal(3, bus.Recorder.Handled.Count);
    }

    [Fact]
    public async Task A_known_type_without_a_handler_is_dead_lettered_on_a_queue()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work).AddHandler<StartPipelineRun, TestHandler<StartPipelineRun>>());

        await bus.Bus.SendAsync(new Ping("orphan"));

        var engine = await bus.GetEngineAsync();
        var dead = await WaitForDeadLetterAsync(engine, TestTopology.Work);
        Assert.Equal(DeadLetterReasons.NoHandler, dead.DeadLetterReason);
    }

    [Fact]
    public async Task ScheduleRedelivery_on_a_subscription_fails_the_host_at_start()
    {
        var subscription = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.OrchestratorSubscription);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBus.StartAsync(m => m
            .AddProcessor(subscription, o => o.Retry.Strategy = RetryStrategy.ScheduleRedelivery)
            .AddHandler<TrainingRequested, TestHandler<TrainingRequested>>()));
        Assert.Contains("ScheduleRedelivery needs a queue", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<ReceivedMessage> WaitForDeadLetterAsync(Embedded.EmbeddedServiceBus engine, string entityPath)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (engine.Peek(EntityPaths.DeadLetter(entityPath), 0, 10) is [var dead, ..])
            {
                return dead;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Nothing was dead-lettered in {entityPath}");
            await Task.Delay(20);
        }
    }
}
