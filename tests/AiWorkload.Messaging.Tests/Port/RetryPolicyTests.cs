using AiWorkload.Messaging.Processing;

namespace AiWorkload.Messaging.Tests.Port;

public sealed class RetryPolicyTests
{
    [Fact]
    public void The_delay_doubles_from_the_initial_delay_up_to_the_cap()
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), UseJitter = false };

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            Enumerable.Range(1, 6).Select(a => policy.GetDelay(a).TotalSeconds));
    }

    [Fact]
    public void Jitter_stays_within_twenty_percent_and_under_the_cap()
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(11) };

        var delays = Enumerable.Range(0, 200).Select(_ => policy.GetDelay(1).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 8, 11));
        Assert.True(delays.Distinct().Count() > 1);
    }

    [Fact]
    public void The_defaults_are_safe_bounded_retries_below_the_broker_backstop()
    {
        var options = new MessageProcessorOptions();

        Assert.Equal(5, options.Retry.MaxAttempts);
        Assert.True(options.Retry.MaxAttempts < Topology.EntityDefaults.MaxDeliveryCount);
        Assert.Equal(RetryStrategy.Abandon, options.Retry.Strategy);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxAutoLockRenewalDuration);
        Assert.True(options.IsPermanentFailure(new PoisonMessageException()));
        Assert.False(options.IsPermanentFailure(new TimeoutException()));
    }

    [Fact]
    public void Failures_retrying_cannot_fix_are_permanent_and_the_rest_transient()
    {
        Assert.True(FailureClassification.IsPermanent(new System.Text.Json.JsonException()));
        Assert.True(FailureClassification.IsPermanent(new ArgumentNullException("x")));
        Assert.True(FailureClassification.IsPermanent(new AggregateException(new FormatException(), new PoisonMessageException())));
        Assert.False(FailureClassification.IsPermanent(new AggregateException(new FormatException(), new TimeoutException())));
        Assert.False(FailureClassification.IsPermanent(new HttpRequestException()));
        Assert.False(FailureClassification.IsPermanent(new MessagingException(MessagingErrorReason.ServiceBusy, "q", "busy")));
    }
}
