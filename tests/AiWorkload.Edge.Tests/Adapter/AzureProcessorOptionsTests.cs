// Targets Azure.Messaging.ServiceBus 7.20.1: ServiceBusProcessorOptions, ServiceBusSessionProcessorOptions.
using AiWorkload.Messaging;
using AiWorkload.Messaging.AzureServiceBus;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Edge.Tests.Adapter;

public sealed class AzureProcessorOptionsTests
{
    private static readonly TransportProcessorSettings Settings = new(MessageSource.Queue(WorkloadTopology.RetrainingQueue))
    {
        MaxConcurrentCalls = 4,
        PrefetchCount = 2,
        MaxAutoLockRenewalDuration = TimeSpan.FromHours(1),
        RequiresSession = true,
        MaxConcurrentSessions = 3,
        SessionIdleTimeout = TimeSpan.FromSeconds(7),
    };

    [Fact]
    public void The_dispatcher_settles_every_message_so_nothing_auto_completes()
    {
        Assert.False(AzureProcessorOptions.ForQueue(Settings).AutoCompleteMessages);
        Assert.False(AzureProcessorOptions.ForSessions(Settings).AutoCompleteMessages);
        Assert.Equal(ServiceBusReceiveMode.PeekLock, AzureProcessorOptions.ForQueue(Settings).ReceiveMode);
        Assert.Equal(ServiceBusReceiveMode.PeekLock, AzureProcessorOptions.ForSessions(Settings).ReceiveMode);
    }

    [Fact]
    public void Queue_settings_pass_through()
    {
        var options = AzureProcessorOptions.ForQueue(Settings);

        Assert.Equal(4, options.MaxConcurrentCalls);
        Assert.Equal(2, options.PrefetchCount);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxAutoLockRenewalDuration);
    }

    [Fact]
    public void A_session_is_handled_one_message_at_a_time_in_order()
    {
        var options = AzureProcessorOptions.ForSessions(Settings);

        Assert.Equal(1, options.MaxConcurrentCallsPerSession);
        Assert.Equal(3, options.MaxConcurrentSessions);
        Assert.Equal(2, options.PrefetchCount);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxAutoLockRenewalDuration);
        Assert.Equal(TimeSpan.FromSeconds(7), options.SessionIdleTimeout);
    }

    [Fact]
    public void No_idle_timeout_keeps_the_SDK_default()
    {
        var options = AzureProcessorOptions.ForSessions(Settings with { SessionIdleTimeout = null });

        Assert.Equal(new ServiceBusSessionProcessorOptions().SessionIdleTimeout, options.SessionIdleTimeout);
    }
}
