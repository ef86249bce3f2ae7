using AiWorkload.Messaging;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Contract;

/// <summary>
/// The port's contract (IMessagingTransport), one set of tests for every adapter: every field arrives, settlement does what
/// it says, a lost lock is an error, sessions keep order and state, schedules can be cancelled, rules route by application
/// property. The embedded adapter runs it in CI; the Azure adapter runs it against a real namespace or the emulator.
/// A derived class supplies the transport, which must hold the product topology (WorkloadTopology.Model).
/// </summary>
public abstract class TransportContractTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static readonly MessageSource PipelineRuns = MessageSource.Queue(WorkloadTopology.PipelineRunsQueue);
    private static readonly MessageSource Retraining = MessageSource.Queue(WorkloadTopology.RetrainingQueue);
    private static readonly MessageSource Training = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.TrainingSubscription);

    protected abstract IMessagingTransport Transport { get; }

    /// <summary>How long "nothing else arrives" is watched: a remote namespace needs longer than an in-process engine.</summary>
    protected virtual TimeSpan QuietPeriod => TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_sent_message_reaches_a_processor_with_every_field_and_the_trace_context()
    {
        var id = NewId();
        await using var probe = await ProcessorProbe.StartAsync(Transport, new TransportProcessorSettings(PipelineRuns), m => m.MessageId == id);

        await Transport.SendAsync(PipelineRuns.DestinationName, [Message(id, p => p[MessageProperties.ModelId] = "m-1")], CancellationToken.None);

        var received = await probe.NextAsync();
        Assert.Equal("{\"runId\":\"r\"}", System.Text.Encoding.UTF8.GetString(received.Body.Span));
        Assert.Equal("StartPipelineRun", received.Subject);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal($"run-{id}", received.CorrelationId);
        Assert.Equal(TraceParent, received.ApplicationProperties[MessageProperties.TraceParent]);
        Assert.Equal(TraceParent, received.ApplicationProperties[MessageProperties.DiagnosticId]);
        Assert.Equal("m-1", received.ApplicationProperties[MessageProperties.ModelId]);
        Assert.Equal(1, received.DeliveryCount);
        Assert.True(received.SequenceNumber > 0);
        Assert.True(received.LockedUntil > received.EnqueuedTime);
        Assert.True(received.ExpiresAt <= received.EnqueuedTime + TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task An_abandoned_message_comes_back_with_a_higher_delivery_count_and_the_modified_properties()
    {
        var id = NewId();
        await using var probe = await ProcessorProbe.StartAsync(Transport, new TransportProcessorSettings(PipelineRuns), m => m.MessageId == id,
            (delivery, ct) => delivery.Message.DeliveryCount == 1
                ? delivery.AbandonAsync(new Dictionary<string, object?> { ["aiw-contract-note"] = "again" }, ct)
                : delivery.CompleteAsync(ct));

        await Transport.SendAsync(PipelineRuns.DestinationName, [Message(id)], CancellationToken.None);

        Assert.Equal(1, (await probe.NextAsync()).DeliveryCount);
        var second = await probe.NextAsync();
        Assert.Equal(2, second.DeliveryCount);
        Assert.Equal("again", second.ApplicationProperties["aiw-contract-note"]);
    }

    [Fact]
    public async Task A_renewed_lock_lasts_at_least_as_long_as_before()
    {
        var id = NewId();
        var renewals = new List<(DateTimeOffset Before, DateTimeOffset After)>();
        await using var probe = await ProcessorProbe.StartAsync(Transport, new TransportProcessorSettings(PipelineRuns), m => m.MessageId == id,
            async (delivery, ct) =>
            {
                renewals.Add((delivery.Message.LockedUntil, await delivery.RenewLockAsync(ct)));
                await delivery.CompleteAsync(ct);
            });

        await Transport.SendAsync(PipelineRuns.DestinationName, [Message(id)], CancellationToken.None);

        await probe.NextAsync();
        var (before, after) = Assert.Single(renewals);
        Assert.True(after >= before, $"renewed to {after:O}, held until {before:O}");
    }

    [Fact]
    public async Task Settling_twice_fails_with_a_lost_lock_instead_of_succeeding_silently()
    {
        var id = NewId();
        MessagingException? second = null;
        await using var probe = await ProcessorProbe.StartAsync(Transport, new TransportProcessorSettings(PipelineRuns), m => m.MessageId == id,
            async (delivery, ct) =>
            {
                await delivery.CompleteAsync(ct);
                second = await Assert.ThrowsAsync<MessagingException>(() => delivery.CompleteAsync(ct));
            });

        await Transport.SendAsync(PipelineRuns.DestinationName, [Message(id)], CancellationToken.None);

        await probe.NextAsync();
        Assert.NotNull(second);
        Assert.Equal(MessagingErrorReason.MessageLockLost, second.Reason);
    }

    [Fact]
    public async Task A_dead_lettered_message_is_readable_with_its_reason_and_can_be_completed_from_the_dead_letter_queue()
    {
        var id = NewId();
        await using (var probe = await ProcessorProbe.StartAsync(Transport, new TransportProcessorSettings(PipelineRuns), m => m.MessageId == id,
            (delivery, ct) => delivery.DeadLetterAsync("ContractTest", "dead-lettered on purpose", null, ct)))
        {
            await Transport.SendAsync(PipelineRuns.DestinationName, [Message(id)], CancellationToken.None);
            await probe.NextAsync();
        }

        var dead = await DeadLetterWaiting.PeekAsync(Transport, PipelineRuns, id);
        Assert.Equal("ContractTest", dead.DeadLetterReason);
        Assert.Equal("dead-lettered on purpose", dead.DeadLetterErrorDescription);

        await DeadLetterWaiting.CompleteAsync(Transport, PipelineRuns, id);
        Assert.False(await DeadLetterWaiting.IsPresentAsync(Transport, PipelineRuns, id));
    }

    [Fact]
    public async Task A_session_is_delivered_in_order_and_keeps_its_state()
    {
        var session = NewId();
        var states = new List<string>();
        await using var probe = await ProcessorProbe.StartAsync(
            Transport,
            new TransportProcessorSettings(Retraining) { RequiresSession = true, MaxConcurrentSessions = 1, SessionIdleTimeout = TimeSpan.FromSeconds(5) },
            m => m.SessionId == session,
            async (delivery, ct) =>
            {
                var state = await delivery.Session!.GetStateAsync(ct) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes.Span) : string.Empty;
                state = state.Length == 0 ? delivery.Message.MessageId[^1..] : $"{state},{delivery.Message.MessageId[^1..]}";
                await delivery.Session.SetStateAsync(System.Text.Encoding.UTF8.GetBytes(state), ct);
                states.Add(state);
                await delivery.CompleteAsync(ct);
            });

        await Transport.SendAsync(Retraining.DestinationName, [.. Enumerable.Range(1, 3).Select(i => Message($"{session}-{i}", sessionId: session))], CancellationToken.None);

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await probe.NextAsync()).MessageId);
        }

        Assert.Equal([$"{session}-1", $"{session}-2", $"{session}-3"], order);
        Assert.Equal(["1", "1,2", "1,2,3"], states);
    }

    [Fact]
    public async Task A_scheduled_message_arrives_later_and_a_cancelled_one_never_does()
    {
        var kept = NewId();
        var cancelled = NewId();
        await using var probe = await ProcessorProbe.StartAsync(Transport, new TransportProcessorSettings(PipelineRuns), m => m.MessageId == kept || m.MessageId == cancelled);

        var at = DateTimeOffset.UtcNow.AddSeconds(5);
        var sequenceNumbers = await Transport.ScheduleAsync(PipelineRuns.DestinationName, [Message(kept), Message(cancelled)], at, CancellationToken.None);
        await Transport.CancelScheduledAsync(PipelineRuns.DestinationName, [sequenceNumbers[1]], CancellationToken.None);

        Assert.Equal(2, sequenceNumbers.Count);
        var received = await probe.NextAsync();
        Assert.Equal(kept, received.MessageId);
        Assert.True(received.EnqueuedTime >= at.AddSeconds(-1), $"enqueued at {received.EnqueuedTime:O}, scheduled for {at:O}");
        Assert.True(await probe.StaysQuietAsync(QuietPeriod));
    }

    [Fact]
    public async Task The_training_subscription_receives_only_events_whose_trigger_asks_for_training()
    {
        var training = NewId();
        var other = NewId();
        await using var probe = await ProcessorProbe.StartAsync(Transport, new TransportProcessorSettings(Training), m => m.MessageId == training || m.MessageId == other);

        await Transport.SendAsync(WorkloadTopology.WorkloadEventsTopic,
        [
            Message(training, p => p[MessageProperties.Trigger] = WorkloadTopology.ModelTrainingTrigger),
            Message(other, p => p[MessageProperties.Trigger] = "data_ingested"),
        ], CancellationToken.None);

        Assert.Equal(training, (await probe.NextAsync()).MessageId);
        Assert.True(await probe.StaysQuietAsync(QuietPeriod));
    }

    [Fact]
    public async Task Message_counts_are_reported_for_queues_and_subscriptions()
    {
        var counts = await Transport.GetMessageCountsAsync(PipelineRuns, CancellationToken.None);
        var subscription = await Transport.GetMessageCountsAsync(Training, CancellationToken.None);

        Assert.True(counts.ActiveMessageCount >= 0 && counts.DeadLetterMessageCount >= 0 && counts.ScheduledMessageCount >= 0);
        Assert.True(subscription.ActiveMessageCount >= 0 && subscription.DeadLetterMessageCount >= 0);
    }

    private static string NewId() => $"contract-{Guid.NewGuid():N}";

    private static TransportMessage Message(string id, Action<Dictionary<string, object?>>? properties = null, string? sessionId = null)
    {
        var message = new TransportMessage
        {
            Body = "{\"runId\":\"r\"}"u8.ToArray(),
            MessageId = id,
            Subject = "StartPipelineRun",
            ContentType = "application/json",
            CorrelationId = $"run-{id}",
            SessionId = sessionId,
            TimeToLive = TimeSpan.FromMinutes(10),
            ApplicationProperties = { [MessageProperties.TraceParent] = TraceParent, [MessageProperties.DiagnosticId] = TraceParent },
        };
        properties?.Invoke(message.ApplicationProperties);
        return message;
    }
}
