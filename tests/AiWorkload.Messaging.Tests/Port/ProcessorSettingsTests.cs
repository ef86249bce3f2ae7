using AiWorkload.Messaging.Processing;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Tests.Port;

public sealed class ProcessorSettingsTests
{
    private static readonly MessageSource Retraining = MessageSource.Queue(WorkloadTopology.RetrainingQueue);

    [Fact]
    public void Session_mode_comes_from_the_topology_unless_the_options_say_otherwise()
    {
        Assert.True(ProcessorSettingsResolver.Resolve(Retraining, new MessageProcessorOptions(), WorkloadTopology.Model).RequiresSession);
        Assert.False(ProcessorSettingsResolver.Resolve(MessageSource.Queue(WorkloadTopology.PipelineRunsQueue), new MessageProcessorOptions(), WorkloadTopology.Model).RequiresSession);
        Assert.False(ProcessorSettingsResolver.Resolve(Retraining, new MessageProcessorOptions { RequiresSession = false }, WorkloadTopology.Model).RequiresSession);
    }

    [Fact]
    public void The_receive_settings_are_passed_through_to_the_transport()
    {
        var settings = ProcessorSettingsResolver.Resolve(Retraining, new MessageProcessorOptions
        {
            MaxConcurrentCalls = 4,
            PrefetchCount = 2,
            MaxAutoLockRenewalDuration = TimeSpan.FromMinutes(30),
            MaxConcurrentSessions = 3,
            SessionIdleTimeout = TimeSpan.FromSeconds(5),
        }, WorkloadTopology.Model);

        Assert.Equal(Retraining, settings.Source);
        Assert.Equal(4, settings.MaxConcurrentCalls);
        Assert.Equal(2, settings.PrefetchCount);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.MaxAutoLockRenewalDuration);
        Assert.Equal(3, settings.MaxConcurrentSessions);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.SessionIdleTimeout);
    }

    [Fact]
    public void A_scheduled_redelivery_is_refused_where_it_would_misroute_or_reorder()
    {
        var schedule = new MessageProcessorOptions { Retry = new RetryPolicy { Strategy = RetryStrategy.ScheduleRedelivery } };
        var subscription = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.TrainingSubscription);

        Assert.Contains("needs a queue", Assert.Throws<InvalidOperationException>(() => ProcessorSettingsResolver.Resolve(subscription, schedule, WorkloadTopology.Model)).Message, StringComparison.Ordinal);
        Assert.Contains("session", Assert.Throws<InvalidOperationException>(() => ProcessorSettingsResolver.Resolve(Retraining, schedule, WorkloadTopology.Model)).Message, StringComparison.Ordinal);
        Assert.False(ProcessorSettingsResolver.Resolve(MessageSource.Queue(WorkloadTopology.PipelineRunsQueue), schedule, WorkloadTopology.Model).RequiresSession);
    }

    [Fact]
    public void Nonsensical_limits_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => ProcessorSettingsResolver.Resolve(Retraining, new MessageProcessorOptions { MaxConcurrentCalls = 0 }, WorkloadTopology.Model));
        Assert.Throws<InvalidOperationException>(() => ProcessorSettingsResolver.Resolve(Retraining, new MessageProcessorOptions { Retry = new RetryPolicy { MaxAttempts = 0 } }, WorkloadTopology.Model));
    }
}
