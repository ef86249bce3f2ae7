// Targets Azure.Messaging.ServiceBus 7.20.1 (ServiceBusException, ServiceBusFailureReason) and Azure.Core
// (RequestFailedException).
using AiWorkload.Messaging;
using AiWorkload.Messaging.AzureServiceBus;
using Azure;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Edge.Tests.Adapter;

public sealed class AzureErrorsTests
{
    [Fact]
    public void Every_failure_reason_of_the_SDK_has_a_specific_port_reason()
    {
        foreach (var reason in Enum.GetValues<ServiceBusFailureReason>().Where(r => r != ServiceBusFailureReason.GeneralError))
        {
            var translated = Assert.IsType<MessagingException>(AzureErrors.Translate(new ServiceBusException("failed", reason, "q"), null));

            Assert.NotEqual(MessagingErrorReason.GeneralError, translated.Reason);
        }
    }

    [Fact]
    public void A_lost_lock_is_a_lock_lost_error_naming_the_entity()
    {
        var translated = Assert.IsType<MessagingException>(AzureErrors.Translate(new ServiceBusException("lock lost", ServiceBusFailureReason.MessageLockLost, "pipeline-runs"), null));

        Assert.Equal(MessagingErrorReason.MessageLockLost, translated.Reason);
        Assert.Equal("pipeline-runs", translated.EntityPath);
        Assert.IsType<ServiceBusException>(translated.InnerException);
    }

    [Fact]
    public void A_throttled_service_stays_transient()
    {
        Assert.True(Assert.IsType<MessagingException>(AzureErrors.Translate(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy), "q")).IsTransient);
    }

    [Fact]
    public void Administration_failures_map_by_status()
    {
        var translated = Assert.IsType<MessagingException>(AzureErrors.Translate(new RequestFailedException(404, "missing"), "workload-events/Subscriptions/training"));

        Assert.Equal(MessagingErrorReason.MessagingEntityNotFound, translated.Reason);
    }

    [Fact]
    public void Missing_administration_rights_are_not_retried()
    {
        var translated = Assert.IsType<MessagingException>(AzureErrors.Translate(new UnauthorizedAccessException("Manage claim required"), "pipeline-runs"));

        Assert.Equal(MessagingErrorReason.InvalidOperation, translated.Reason);
        Assert.False(translated.IsTransient);
    }

    [Fact]
    public void After_retries_the_last_attempts_failure_decides()
    {
        var exhausted = new AggregateException(new RequestFailedException(503, "busy"), new RequestFailedException(404, "gone"));

        Assert.Equal(MessagingErrorReason.MessagingEntityNotFound, Assert.IsType<MessagingException>(AzureErrors.Translate(exhausted, "q")).Reason);
    }

    [Fact]
    public async Task Other_exceptions_pass_through_unchanged()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => AzureErrors.RunAsync(() => throw new ArgumentException("bad"), "q"));
    }
}
