using AiWorkload.Messaging.Serialization;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Messaging.DeadLetters;

internal sealed class DeadLetterQueues(
    IMessagingTransport transport,
    MessageTypeRegistry types,
    MessagingTelemetry telemetry,
    TimeProvider time,
    ILogger<DeadLetterQueues> logger) : IDeadLetterQueues
{
    private const int PageSize = 100;

    /// <summary>Properties that describe the failed past of a message, not the message: a resubmitted copy starts clean.</summary>
    private static readonly string[] BookkeepingProperties =
    [
        MessageProperties.DeadLetterReason, MessageProperties.DeadLetterErrorDescription, MessageProperties.PreviousAttempts,
        MessageProperties.LastError, MessageProperties.TraceParent, MessageProperties.TraceState, MessageProperties.DiagnosticId,
    ];

    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<DeadLetteredMessage>> PeekAsync(MessageSource source, int maxMessages = 100, long fromSequenceNumber = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var messages = await transport.PeekDeadLettersAsync(source, fromSequenceNumber, maxMessages, cancellationToken);
        return [.. messages.Select(m => ToDeadLettered(source, m))];
    }

    public Task<int> ResubmitAsync(MessageSource source, ResubmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ResubmitOptions();
        var destination = options.Destination ?? source.DestinationName;
        return ForEachAsync(source, options.Filter, options.MaxMessages, async (delivery, message) =>
        {
            var copy = CreateResubmission(message, options.Fix);
            var started = time.GetTimestamp();
            using (var activity = telemetry.StartSend(MessagingOperations.Send, destination, [copy]))
            {
                try
                {
                    await transport.SendAsync(destination, [copy], cancellationToken);
                    telemetry.RecordSent(MessagingOperations.Send, destination, 1, time.GetElapsedTime(started), null);
                }
                catch (Exception error)
                {
                    activity.RecordError(error);
                    telemetry.RecordSent(MessagingOperations.Send, destination, 1, time.GetElapsedTime(started), error);
                    throw;
                }
            }

            // Sent before removed: a failure in between leaves a duplicate, never a lost message.
            await delivery.CompleteAsync(cancellationToken);
            logger.LogInformation("Resubmitted {MessageId} from the dead-letter queue of {Source} to {Destination} as {CopyId}", message.MessageId, source, destination, copy.MessageId);
        }, cancellationToken);
    }

    public Task<int> PurgeAsync(MessageSource source, Func<DeadLetteredMessage, bool>? filter = null, CancellationToken cancellationToken = default) =>
        ForEachAsync(source, filter, int.MaxValue, (delivery, _) => delivery.CompleteAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Locks the messages present now and acts on the selected ones. The others stay locked until the end, so a receive
    /// never returns them again and the scan moves past them; then they are released unchanged.
    /// </summary>
    private async Task<int> ForEachAsync(
        MessageSource source,
        Func<DeadLetteredMessage, bool>? filter,
        int maxMessages,
        Func<ITransportDelivery, DeadLetteredMessage, Task> act,
        CancellationToken cancellationToken)
    {
        var present = await CountAsync(source, cancellationToken);
        var held = new List<ITransportDelivery>();
        var handled = 0;
        var seen = 0;
        try
        {
            while (seen < present && handled < maxMessages)
            {
                var batch = await transport.ReceiveDeadLettersAsync(source, Math.Min(PageSize, present - seen), ReceiveWait, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var delivery in batch)
                {
                    seen++;
                    var message = ToDeadLettered(source, delivery.Message);
                    if (handled < maxMessages && (filter?.Invoke(message) ?? true))
                    {
                        try
                        {
                            await act(delivery, message);
                        }
                        catch
                        {
                            held.Add(delivery);
                            throw;
                        }

                        handled++;
                    }
                    else
                    {
                        held.Add(delivery);
                    }
                }
            }
        }
        finally
        {
            foreach (var delivery in held)
            {
                try
                {
                    await delivery.AbandonAsync(null, CancellationToken.None);
                }
                catch (MessagingException error)
                {
                    logger.LogDebug(error, "Releasing dead-lettered message {SequenceNumber} failed; its lock will expire", delivery.Message.SequenceNumber);
                }
            }
        }

        return handled;
    }

    private async Task<int> CountAsync(MessageSource source, CancellationToken cancellationToken)
    {
        var count = 0;
        var from = 0L;
        while (true)
        {
            var page = await transport.PeekDeadLettersAsync(source, from, PageSize, cancellationToken);
            count += page.Count;
            if (page.Count < PageSize)
            {
                return count;
            }

            from = page[^1].SequenceNumber + 1;
        }
    }

    private TransportMessage CreateResubmission(DeadLetteredMessage message, Action<ResubmittedMessage>? fix)
    {
        var editor = new ResubmittedMessage(message, types);
        foreach (var (name, value) in message.Properties.Where(p => !BookkeepingProperties.Contains(p.Key)))
        {
            editor.Properties[name] = value;
        }

        var resubmissions = editor.Properties.TryGetValue(MessageProperties.ResubmitCount, out var count) && count is IConvertible convertible
            ? convertible.ToInt32(System.Globalization.CultureInfo.InvariantCulture) + 1
            : 1;
        fix?.Invoke(editor);
        editor.Properties[MessageProperties.OriginalMessageId] = message.MessageId;
        editor.Properties[MessageProperties.ResubmitCount] = resubmissions;
        return new TransportMessage
        {
            Body = editor.Body,
            MessageId = MessageIds.Derive(message.MessageId, $"resubmit-{resubmissions}"),
            Subject = editor.Subject,
            ContentType = editor.ContentType,
            SessionId = editor.SessionId,
            CorrelationId = editor.CorrelationId,
            ApplicationProperties = editor.Properties,
        };
    }

    private static DeadLetteredMessage ToDeadLettered(MessageSource source, TransportReceivedMessage message) => new()
    {
        Source = source,
        SequenceNumber = message.SequenceNumber,
        MessageId = message.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var original) && original is string id ? id : message.MessageId,
        Subject = message.Subject,
        SessionId = message.SessionId,
        CorrelationId = message.CorrelationId,
        ContentType = message.ContentType,
        Reason = message.DeadLetterReason,
        Description = message.DeadLetterErrorDescription,
        DeliveryCount = message.DeliveryCount,
        EnqueuedTime = message.EnqueuedTime,
        Body = message.Body,
        Properties = message.ApplicationProperties,
    };
}
