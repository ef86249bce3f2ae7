using AiWorkload.Messaging.DeadLetters;
using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>Reading, resubmitting (optionally fixed) and purging dead-letter queues through the port.</summary>
public sealed class DeadLetterToolingTests
{
    private static readonly MessageSource Work = MessageSource.Queue(TestTopology.Work);
    private static readonly MessageSource Retraining = MessageSource.Queue(WorkloadTopology.RetrainingQueue);

    [Fact]
    public async Task A_dead_lettered_message_is_read_fixed_and_resubmitted_to_its_queue_where_it_succeeds()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work).AddHandler<Ping, TestHandler<Ping>>());
        bus.Script.OnMessage = (message, _, _) => ((Ping)message).Behavior == "broken" ? throw new PoisonMessageException("cannot parse behavior") : Task.CompletedTask;
        await bus.Bus.SendAsync(new Ping("p1", "broken"));
        await FailurePolicyTests.WaitForDeadLetterAsync(await bus.GetEngineAsync(), TestTopology.Work);

        var dead = Assert.Single(await bus.DeadLetters.PeekAsync(Work));
        Assert.Equal("ping-p1", dead.MessageId);
        Assert.Equal(nameof(Ping), dead.Subject);
        Assert.Equal(DeadLetterReasons.PoisonMessage, dead.Reason);
        Assert.Contains("cannot parse behavior", dead.Description, StringComparison.Ordinal);

        var resubmitted = await bus.DeadLetters.ResubmitAsync(Work, new ResubmitOptions
        {
            Fix = message => message.WriteBody(message.ReadBody<Ping>() with { Behavior = "fixed" }),
        });

        Assert.Equal(1, resubmitted);
        var retried = (await bus.Recorder.WaitForCountAsync(2))[1];
        Assert.Equal("fixed", retried.As<Ping>().Behavior);
        Assert.Equal("ping-p1", retried.Context.MessageId);
        Assert.Equal("ping-p1:resubmit-1", retried.Context.TransportMessageId);
        Assert.Equal(1, retried.Context.Attempt);
        Assert.False(retried.Context.Properties.ContainsKey(MessageProperties.DeadLetterReason));
        await bus.WaitUntilEmptyAsync(TestTopology.Work);
        Assert.Empty(await bus.DeadLetters.PeekAsync(Work));
    }

    [Fact]
    public async Task Resubmission_passes_duplicate_detection_and_keeps_the_session_on_the_retraining_queue()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Retraining).AddHandler<RetrainModel, TestHandler<RetrainModel>>());
        var firstTime = true;
        bus.Script.OnMessage = (_, _, _) =>
        {
            var fail = firstTime;
            firstTime = false;
            return fail ? throw new PoisonMessageException("registry rejected the model") : Task.CompletedTask;
        };
        await bus.Bus.SendAsync(new RetrainModel("churn", 7));
        await FailurePolicyTests.WaitForDeadLetterAsync(await bus.GetEngineAsync(), WorkloadTopology.RetrainingQueue);

        Assert.Equal(1, await bus.DeadLetters.ResubmitAsync(Retraining));

        var retried = (await bus.Recorder.WaitForCountAsync(2))[1];
        Assert.Equal("churn", retried.Context.SessionId);
        Assert.Equal("retrain-churn-v7", retried.Context.MessageId);
        await bus.WaitUntilEmptyAsync(WorkloadTopology.RetrainingQueue);
    }

    [Fact]
    public async Task Purge_removes_only_the_selected_messages_and_leaves_the_others_untouched()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(Work).AddHandler<Ping, TestHandler<Ping>>());
        bus.Script.OnMessage = (message, context, ct) => context.DeadLetterAsync(((Ping)message).Behavior, null, ct);
        await bus.Bus.SendBatchAsync([new Ping("1", "Obsolete"), new Ping("2", "Keep"), new Ping("3", "Obsolete")]);
        await bus.Recorder.WaitForCountAsync(3);
        await bus.WaitUntilEmptyAsync(TestTopology.Work);

        var purged = await bus.DeadLetters.PurgeAsync(Work, m => m.Reason == "Obsolete");

        Assert.Equal(2, purged);
        var left = Assert.Single(await bus.DeadLetters.PeekAsync(Work));
        Assert.Equal("ping-2", left.MessageId);
        Assert.Equal(0, await bus.DeadLetters.PurgeAsync(Work, m => m.Reason == "Obsolete"));
        Assert.Equal(1, await bus.DeadLetters.PurgeAsync(Work));
        Assert.Empty((await bus.GetEngineAsync()).Peek(EntityPaths.DeadLetter(TestTopology.Work), 0, 10));
    }

    [Fact]
    public async Task A_subscription_dead_letter_is_resubmitted_through_the_topic_and_routed_again_by_the_rules()
    {
        var training = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.TrainingSubscription);
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(training).AddHandler<TrainingRequested, TestHandler<TrainingRequested>>());
        bus.Script.OnMessage = (_, context, _) => context.Attempt == 1 && context.TransportMessageId == context.MessageId
            ? throw new PoisonMessageException("dataset schema mismatch")
            : Task.CompletedTask;
        await bus.Bus.PublishAsync(new TrainingRequested("churn", WorkloadTopology.ModelTrainingTrigger, "d9"));
        await FailurePolicyTests.WaitForDeadLetterAsync(await bus.GetEngineAsync(), training.EntityPath);

        Assert.Equal(1, await bus.DeadLetters.ResubmitAsync(training));

        var retried = (await bus.Recorder.WaitForCountAsync(2))[1];
        Assert.Equal("training-requested-churn-d9", retried.Context.MessageId);
        Assert.Equal(training, retried.Context.Source);
        await bus.WaitUntilEmptyAsync(training.EntityPath);
    }
}
