using AiWorkload.Messaging.Processing;

namespace AiWorkload.Messaging.Tests.Port;

public sealed class MessageDispatcherTests
{
    [Fact]
    public async Task A_handled_message_is_completed_once()
    {
        using var harness = new DispatcherHarness();
        var delivery = harness.Delivery();

        await harness.DispatchAsync(delivery);

        Assert.Equal(["complete"], delivery.Settlements);
        Assert.Equal([new Order("o1", 2)], harness.Handler.Received);
    }

    [Fact]
    public async Task An_unknown_subject_is_dead_lettered_without_calling_the_handler()
    {
        using var harness = new DispatcherHarness();
        var delivery = harness.Delivery(subject: "Refund");

        await harness.DispatchAsync(delivery);

        Assert.Equal(["dead_letter"], delivery.Settlements);
        Assert.Equal(DeadLetterReasons.UnknownMessageType, delivery.DeadLetterReason);
        Assert.Equal("No message type is registered for Subject 'Refund'.", delivery.DeadLetterDescription);
        Assert.Empty(harness.Handler.Received);
    }

    [Fact]
    public async Task A_message_without_a_subject_is_dead_lettered_as_unknown()
    {
        using var harness = new DispatcherHarness();
        var delivery = harness.Delivery(subject: null);

        await harness.DispatchAsync(delivery);

        Assert.Equal(DeadLetterReasons.UnknownMessageType, delivery.DeadLetterReason);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("""{"Id":"o1","Quantity":"many"}""")]
    public async Task A_body_that_does_not_deserialize_is_dead_lettered_at_once(string body)
    {
        using var harness = new DispatcherHarness();
        var delivery = harness.Delivery(body);

        await harness.DispatchAsync(delivery);

        Assert.Equal(["dead_letter"], delivery.Settlements);
        Assert.Equal(DeadLetterReasons.DeserializationFailed, delivery.DeadLetterReason);
        Assert.StartsWith("The body is not a valid Order:", delivery.DeadLetterDescription, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Received);
    }

    [Theory]
    [InlineData(typeof(PoisonMessageException))]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(FormatException))]
    public async Task A_permanent_failure_is_dead_lettered_as_poison_on_the_first_attempt(Type exceptionType)
    {
        using var harness = new DispatcherHarness((_, _, _) => throw (Exception)Activator.CreateInstance(exceptionType, "broken")!);
        var delivery = harness.Delivery();

        await harness.DispatchAsync(delivery);

        Assert.Equal(["dead_letter"], delivery.Settlements);
        Assert.Equal(DeadLetterReasons.PoisonMessage, delivery.DeadLetterReason);
        Assert.Equal($"{exceptionType.FullName}: broken", delivery.DeadLetterDescription);
    }

    [Fact]
    public async Task A_transient_failure_is_abandoned_with_the_error_recorded_on_the_message()
    {
        using var harness = new DispatcherHarness((_, _, _) => throw new TimeoutException("slow"));
        var delivery = harness.Delivery(deliveryCount: 4);

        await harness.DispatchAsync(delivery);

        Assert.Equal(["abandon"], delivery.Settlements);
        Assert.Equal("System.TimeoutException: slow", delivery.ModifiedProperties![MessageProperties.LastError]);
    }

    [Fact]
    public async Task The_last_allowed_attempt_dead_letters_instead_of_retrying()
    {
        using var harness = new DispatcherHarness((_, _, _) => throw new TimeoutException("slow"));
        var delivery = harness.Delivery(deliveryCount: 5);

        await harness.DispatchAsync(delivery);

        Assert.Equal(DeadLetterReasons.MaxRetriesExceeded, delivery.DeadLetterReason);
        Assert.Equal("Gave up after 5 attempts. Last error: System.TimeoutException: slow", delivery.DeadLetterDescription);
    }

    [Fact]
    public async Task Attempts_made_before_a_scheduled_redelivery_count_towards_the_limit()
    {
        using var harness = new DispatcherHarness((_, _, _) => throw new TimeoutException("slow"));
        var delivery = harness.Delivery(properties: new() { [MessageProperties.PreviousAttempts] = 4 });

        await harness.DispatchAsync(delivery);

        Assert.Equal(DeadLetterReasons.MaxRetriesExceeded, delivery.DeadLetterReason);
    }

    [Fact]
    public async Task A_scheduled_redelivery_is_scheduled_under_a_derived_id_before_the_original_is_completed()
    {
        using var harness = new DispatcherHarness(
            (_, _, _) => throw new TimeoutException("slow"),
            configure: o => o.Retry = new RetryPolicy { Strategy = RetryStrategy.ScheduleRedelivery, InitialDelay = TimeSpan.FromSeconds(30), UseJitter = false });
        var delivery = harness.Delivery(properties: new() { ["model_id"] = "churn" });
        var before = DateTimeOffset.UtcNow;

        await harness.DispatchAsync(delivery);
        harness.Journal.AddRange(delivery.Settlements);

        Assert.Equal(["schedule", "complete"], harness.Journal);
        var (destination, copy, enqueueTime) = Assert.Single(harness.Transport.Scheduled);
        Assert.Equal("work", destination);
        Assert.Equal("m-1:retry-1", copy.MessageId);
        Assert.Equal("Order", copy.Subject);
        Assert.Equal("m-1", copy.ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal(1, copy.ApplicationProperties[MessageProperties.PreviousAttempts]);
        Assert.Equal("churn", copy.ApplicationProperties["model_id"]);
        Assert.InRange(enqueueTime, before + TimeSpan.FromSeconds(30), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_handler_that_settles_itself_is_not_settled_again()
    {
        using var harness = new DispatcherHarness((_, context, ct) => context.DeferAsync(ct));
        var delivery = harness.Delivery();

        await harness.DispatchAsync(delivery);

        Assert.Equal(["defer"], delivery.Settlements);
    }

    [Fact]
    public async Task A_handler_that_fails_after_settling_is_not_settled_again()
    {
        using var harness = new DispatcherHarness(async (_, context, ct) =>
        {
            await context.CompleteAsync(ct);
            throw new TimeoutException("after the fact");
        });
        var delivery = harness.Delivery();

        await harness.DispatchAsync(delivery);

        Assert.Equal(["complete"], delivery.Settlements);
    }

    [Fact]
    public async Task A_known_type_without_a_handler_is_completed_on_a_subscription_and_dead_lettered_on_a_queue()
    {
        using var subscription = new DispatcherHarness(source: MessageSource.Subscription("events", "audit"), registerHandler: false);
        using var queue = new DispatcherHarness(registerHandler: false);
        var fromSubscription = subscription.Delivery();
        var fromQueue = queue.Delivery();

        await subscription.DispatchAsync(fromSubscription);
        await queue.DispatchAsync(fromQueue);

        Assert.Equal(["complete"], fromSubscription.Settlements);
        Assert.Equal(DeadLetterReasons.NoHandler, fromQueue.DeadLetterReason);
    }

    [Fact]
    public async Task Stopping_abandons_at_once_instead_of_waiting_out_the_backoff()
    {
        using var stopping = new CancellationTokenSource();
        using var harness = new DispatcherHarness(
            async (_, _, ct) =>
            {
                await stopping.CancelAsync();
                ct.ThrowIfCancellationRequested();
            },
            configure: o => o.Retry.InitialDelay = TimeSpan.FromHours(1));
        var delivery = harness.Delivery();

        await harness.DispatchAsync(delivery, stopping.Token).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["abandon"], delivery.Settlements);
    }

    [Fact]
    public async Task A_lost_lock_at_settlement_does_not_escape_the_dispatcher()
    {
        using var harness = new DispatcherHarness();
        var delivery = new FakeDelivery(harness.Source, harness.Delivery().Message)
        {
            FailSettlementWith = new MessagingException(MessagingErrorReason.MessageLockLost, "work", "lock lost"),
        };

        await harness.DispatchAsync(delivery);

        Assert.Single(harness.Handler.Received);
    }

    [Fact]
    public async Task The_context_exposes_the_original_idempotency_key_and_the_attempt_across_redeliveries()
    {
        IMessageContext? seen = null;
        using var harness = new DispatcherHarness((_, context, _) =>
        {
            seen = context;
            return Task.CompletedTask;
        });

        await harness.DispatchAsync(harness.Delivery(deliveryCount: 2, properties: new()
        {
            [MessageProperties.OriginalMessageId] = "order-o1",
            [MessageProperties.PreviousAttempts] = 3,
        }));

        Assert.Equal("order-o1", seen!.MessageId);
        Assert.Equal("m-1", seen.TransportMessageId);
        Assert.Equal(5, seen.Attempt);
        Assert.Equal(2, seen.DeliveryCount);
        Assert.Equal(7, seen.SequenceNumber);
        Assert.True(seen.IsSettled);
    }
}
