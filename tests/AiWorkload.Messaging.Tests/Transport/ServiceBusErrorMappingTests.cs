using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Tests.Transport;

/// <summary>Azure failures reach handlers and the retry policy as the same reasons the embedded engine reports.</summary>
public sealed class ServiceBusErrorMappingTests
{
    /// <summary>Every member of ServiceBusFailureReason in Azure.Messaging.ServiceBus 7.20.1.</summary>
    public static TheoryData<string, MessagingErrorReason> FailureReasons => new()
    {
        { "GeneralError", MessagingErrorReason.GeneralError },
        { "MessagingEntityNotFound", MessagingErrorReason.MessagingEntityNotFound },
        { "MessageLockLost", MessagingErrorReason.MessageLockLost },
        { "MessageNotFound", MessagingErrorReason.MessageNotFound },
        { "MessageSizeExceeded", MessagingErrorReason.MessageSizeExceeded },
        { "MessagingEntityDisabled", MessagingErrorReason.InvalidOperation },
        { "QuotaExceeded", MessagingErrorReason.QuotaExceeded },
        { "ServiceBusy", MessagingErrorReason.ServiceBusy },
        { "ServiceTimeout", MessagingErrorReason.ServiceTimeout },
        { "ServiceCommunicationProblem", MessagingErrorReason.ServiceTimeout },
        { "SessionCannotBeLocked", MessagingErrorReason.SessionCannotBeLocked },
        { "SessionLockLost", MessagingErrorReason.SessionLockLost },
        { "MessagingEntityAlreadyExists", MessagingErrorReason.MessagingEntityAlreadyExists },
    };

    [Theory]
    [MemberData(nameof(FailureReasons))]
    public void Each_failure_reason_has_its_port_reason(string failureReason, MessagingErrorReason expected)
    {
        Assert.Equal(expected, ServiceBusErrorMapping.ToReason(failureReason, isTransient: false));
    }

    [Fact]
    public void A_transient_failure_without_a_match_stays_retryable()
    {
        Assert.True(new MessagingException(ServiceBusErrorMapping.ToReason("GeneralError", isTransient: true), "q", "x").IsTransient);
        Assert.True(new MessagingException(ServiceBusErrorMapping.ToReason("SomeFutureReason", isTransient: true), "q", "x").IsTransient);
        Assert.Equal(MessagingErrorReason.GeneralError, ServiceBusErrorMapping.ToReason("SomeFutureReason", isTransient: false));
    }

    [Fact]
    public void A_communication_problem_is_retried()
    {
        Assert.True(new MessagingException(ServiceBusErrorMapping.ToReason("ServiceCommunicationProblem", isTransient: false), "q", "x").IsTransient);
    }

    [Theory]
    [InlineData(404, MessagingErrorReason.MessagingEntityNotFound)]
    [InlineData(409, MessagingErrorReason.MessagingEntityAlreadyExists)]
    [InlineData(429, MessagingErrorReason.ServiceBusy)]
    [InlineData(503, MessagingErrorReason.ServiceBusy)]
    [InlineData(504, MessagingErrorReason.ServiceTimeout)]
    [InlineData(401, MessagingErrorReason.InvalidOperation)]
    [InlineData(500, MessagingErrorReason.GeneralError)]
    public void Administration_failures_map_by_HTTP_status(int status, MessagingErrorReason expected)
    {
        Assert.Equal(expected, ServiceBusErrorMapping.FromHttpStatus(status));
    }

    [Theory]
    [InlineData("Receive", "receive")]
    [InlineData("RenewLock", "renew lock")]
    [InlineData("AcceptSession", "accept session")]
    [InlineData("CloseSession", "close session")]
    [InlineData("ProcessMessageCallback", "process message")]
    [InlineData("Complete", "complete")]
    [InlineData("Abandon", "abandon")]
    [InlineData("NewSource", "newsource")]
    [InlineData(null, "unknown")]
    public void Processor_error_sources_read_like_the_embedded_adapters_operations(string? source, string expected)
    {
        Assert.Equal(expected, ServiceBusErrorMapping.ToOperation(source));
    }
}
