using System.Diagnostics;
using AiWorkload.Messaging.Serialization;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Messaging.Processing;

/// <summary>
/// The transport-agnostic heart of processing, shared by every adapter: trace continuation, type lookup, deserialization,
/// the handler call in its own scope, default settlement, and the failure policy (retry with backoff, or dead-letter).
/// </summary>
internal sealed class MessageDispatcher(
    ProcessorRegistration registration,
    MessageProcessorOptions options,
    MessageTypeRegistry types,
    IServiceScopeFactory scopes,
    IMessagingTransport transport,
    MessagingTelemetry telemetry,
    TimeProvider time,
    ILogger logger)
{
    private MessageSource Source => registration.Source;

    public async Task DispatchAsync(ITransportDelivery delivery, CancellationToken cancellationToken)
    {
        // The process span continues the sender's trace, not whatever the processor loop happened to start under.
        Activity.Current = null;
        var started = time.GetTimestamp();
        using var activity = telemetry.StartProcess(Source, delivery.Message);
        var context = new DeliveryContext(delivery, telemetry, time);
        Exception? failure = null;
        try
        {
            failure = await ProcessAsync(delivery, context, cancellationToken);
        }
        catch (Exception settlementError)
        {
            // Mostly a lost lock: the broker redelivers, and the handler's idempotency absorbs the repeat.
            failure ??= settlementError;
            logger.LogWarning(settlementError, "Settling message {MessageId} from {Source} failed; it will be redelivered", delivery.Message.MessageId, Source);
        }
        finally
        {
            activity?.SetTag(MessagingAttributes.DispositionStatus, context.Disposition);
            if (failure is not null)
            {
                activity.RecordError(failure);
            }

            // Only registered subjects become tag values: a stray sender must not inflate metric cardinality.
            var subject = types.TryGetBySubject(delivery.Message.Subject, out var type) ? type.Subject : "(unknown)";
            telemetry.RecordProcessed(Source, subject, context.Disposition, time.GetElapsedTime(started), failure);
        }
    }

    /// <summary>Returns the handler's or deserializer's failure, if any, after settling accordingly.</summary>
    private async Task<Exception?> ProcessAsync(ITransportDelivery delivery, DeliveryContext context, CancellationToken cancellationToken)
    {
        var message = delivery.Message;
        if (!types.TryGetBySubject(message.Subject, out var type))
        {
            await DeadLetterAsync(context, DeadLetterReasons.UnknownMessageType,
                $"No message type is registered for Subject '{message.Subject ?? "(none)"}'.");
            return null;
        }

        if (!registration.Handlers.TryGetValue(type.ClrType, out var handler))
        {
            return await HandleUnhandledAsync(context, type);
        }

        if (!MessageContentTypes.IsJson(message.ContentType))
        {
            await DeadLetterAsync(context, DeadLetterReasons.UnsupportedContentType,
                $"Content type '{message.ContentType}' is not {MessageContentTypes.Json}.");
            return null;
        }

        object body;
        try
        {
            body = type.Deserialize(message.Body);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            await DeadLetterAsync(context, DeadLetterReasons.DeserializationFailed, $"The body is not a valid {type.ClrType.Name}: {error.Message}");
            return error;
        }

        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await handler.InvokeAsync(scope.ServiceProvider, body, context, cancellationToken);
        }
        catch (Exception error)
        {
            failure = error;
        }

        if (failure is null)
        {
            if (!context.IsSettled)
            {
                await context.CompleteAsync(CancellationToken.None);
            }

            return null;
        }

        if (context.IsSettled)
        {
            logger.LogWarning(failure, "The handler for {MessageId} on {Source} failed after settling it ({Disposition})", context.MessageId, Source, context.Disposition);
        }
        else if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Shutting down is not the message's fault: give it back at once, without the retry policy's wait.
            await context.AbandonAsync(null, CancellationToken.None);
        }
        else
        {
            await ApplyFailurePolicyAsync(delivery, context, failure, cancellationToken);
        }

        return failure;
    }

    private async Task<Exception?> HandleUnhandledAsync(DeliveryContext context, MessageType type)
    {
        var action = options.WhenNoHandler ?? (Source.IsQueue ? UnhandledMessageAction.DeadLetter : UnhandledMessageAction.Complete);
        if (action == UnhandledMessageAction.Complete)
        {
            logger.LogDebug("{Source} has no handler for {MessageType}; completing {MessageId}", Source, type.ClrType.Name, context.MessageId);
            await context.CompleteAsync(CancellationToken.None);
        }
        else
        {
            await DeadLetterAsync(context, DeadLetterReasons.NoHandler, $"{Source} has no handler for {type.ClrType.Name}.");
        }

        return null;
    }

    private async Task ApplyFailurePolicyAsync(ITransportDelivery delivery, DeliveryContext context, Exception failure, CancellationToken cancellationToken)
    {
        var retry = options.Retry;
        var attempt = context.Attempt;
        if (options.IsPermanentFailure(failure))
        {
            logger.LogWarning(failure, "Dead-lettering poison message {MessageId} from {Source}", context.MessageId, Source);
            await DeadLetterAsync(context, DeadLetterReasons.PoisonMessage, Describe(failure));
            return;
        }

        if (attempt >= retry.MaxAttempts)
        {
            logger.LogWarning(failure, "Dead-lettering {MessageId} from {Source} after {Attempts} attempts", context.MessageId, Source, attempt);
            await DeadLetterAsync(context, DeadLetterReasons.MaxRetriesExceeded, $"Gave up after {attempt} attempts. Last error: {Describe(failure)}");
            return;
        }

        var delay = retry.GetDelay(attempt);
        logger.LogInformation(failure, "Attempt {Attempt} of {MessageId} from {Source} failed; retrying in {Delay}", attempt, context.MessageId, Source, delay);
        telemetry.RecordRetry(Source, retry.Strategy.ToString());
        if (retry.Strategy == RetryStrategy.ScheduleRedelivery && Source.IsQueue && delivery.Session is null)
        {
            await ScheduleRedeliveryAsync(delivery.Message, context, attempt, delay, failure);
            return;
        }

        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: abandon now rather than after the wait.
        }

        await context.AbandonAsync(new Dictionary<string, object?> { [MessageProperties.LastError] = Truncate(Describe(failure)) }, CancellationToken.None);
    }

    /// <summary>Schedule first, then complete: a crash in between leaves a duplicate for idempotent handlers, never a loss.</summary>
    private async Task ScheduleRedeliveryAsync(TransportReceivedMessage message, DeliveryContext context, int attempt, TimeSpan delay, Exception failure)
    {
        var enqueueAt = time.GetUtcNow() + delay;
        var properties = new Dictionary<string, object?>(message.ApplicationProperties, StringComparer.Ordinal)
        {
            [MessageProperties.OriginalMessageId] = context.MessageId,
            [MessageProperties.PreviousAttempts] = attempt,
            [MessageProperties.LastError] = Truncate(Describe(failure)),
        };
        var copy = new TransportMessage
        {
            Body = message.Body,
            MessageId = MessageIds.Derive(context.MessageId, $"retry-{attempt}"),
            Subject = message.Subject,
            ContentType = message.ContentType,
            SessionId = message.SessionId,
            CorrelationId = message.CorrelationId,
            PartitionKey = message.PartitionKey,
            TimeToLive = RemainingTimeToLive(message, enqueueAt),
            ApplicationProperties = properties,
        };
        var started = time.GetTimestamp();
        using (var activity = telemetry.StartSend(MessagingOperations.Schedule, Source.DestinationName, [copy]))
        {
            try
            {
                await transport.ScheduleAsync(Source.DestinationName, [copy], enqueueAt, CancellationToken.None);
                telemetry.RecordSent(MessagingOperations.Schedule, Source.DestinationName, 1, time.GetElapsedTime(started), null);
            }
            catch (Exception error)
            {
                activity.RecordError(error);
                telemetry.RecordSent(MessagingOperations.Schedule, Source.DestinationName, 1, time.GetElapsedTime(started), error);
                throw;
            }
        }

        await context.CompleteAsync(CancellationToken.None);
    }

    /// <summary>The copy expires when the original would have; the minimum keeps it deliverable long enough to dead-letter properly.</summary>
    private static TimeSpan? RemainingTimeToLive(TransportReceivedMessage message, DateTimeOffset enqueueAt)
    {
        if (message.TimeToLive == TimeSpan.MaxValue || message.ExpiresAt == DateTimeOffset.MaxValue)
        {
            return null;
        }

        var remaining = message.ExpiresAt - enqueueAt;
        return remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
    }

    private async Task DeadLetterAsync(DeliveryContext context, string reason, string description)
    {
        logger.LogWarning("Dead-lettering {MessageId} from {Source}: {Reason}: {Description}", context.MessageId, Source, reason, description);
        await context.DeadLetterAsync(reason, description, CancellationToken.None);
    }

    private static string Describe(Exception failure) => $"{failure.GetType().FullName}: {failure.Message}";

    private static string Truncate(string text) =>
        text.Length > DeliveryContext.MaxDeadLetterTextLength ? text[..DeliveryContext.MaxDeadLetterTextLength] : text;
}
