using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Processing;

/// <summary>The handler's view of one delivery; settles at most once and records each settlement.</summary>
internal sealed class DeliveryContext(ITransportDelivery delivery, MessagingTelemetry telemetry, TimeProvider time) : IMessageContext
{
    /// <summary>The limit the Azure SDK truncates dead-letter reasons and descriptions to.</summary>
    internal const int MaxDeadLetterTextLength = 4096;

    private TransportReceivedMessage Message => delivery.Message;

    public MessageSource Source => delivery.Source;

    public string MessageId => Message.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var original) && original is string id
        ? id
        : Message.MessageId;

    public string TransportMessageId => Message.MessageId;

    public string Subject => Message.Subject ?? string.Empty;

    public string? SessionId => Message.SessionId;

    public string? CorrelationId => Message.CorrelationId;

    public string? ContentType => Message.ContentType;

    public int DeliveryCount => Message.DeliveryCount;

    public int Attempt => PreviousAttempts + Message.DeliveryCount;

    public long SequenceNumber => Message.SequenceNumber;

    public DateTimeOffset EnqueuedTime => Message.EnqueuedTime;

    public DateTimeOffset ExpiresAt => Message.ExpiresAt;

    public IReadOnlyDictionary<string, object?> Properties => Message.ApplicationProperties;

    public ISessionContext? Session { get; } = delivery.Session is { } session ? new SessionContext(session) : null;

    public bool IsSettled => Disposition is not null;

    /// <summary>The settlement that happened, as messaging.servicebus.disposition_status names it; null while unsettled.</summary>
    public string? Disposition { get; private set; }

    private int PreviousAttempts =>
        Message.ApplicationProperties.TryGetValue(MessageProperties.PreviousAttempts, out var value) && value is IConvertible convertible
            ? convertible.ToInt32(System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    public Task CompleteAsync(CancellationToken cancellationToken = default) =>
        SettleAsync(Dispositions.Complete, () => delivery.CompleteAsync(cancellationToken));

    public Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        SettleAsync(Dispositions.Abandon, () => delivery.AbandonAsync(propertiesToModify, cancellationToken));

    public async Task DeadLetterAsync(string reason, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await SettleAsync(Dispositions.DeadLetter, () => delivery.DeadLetterAsync(Truncate(reason)!, Truncate(description), null, cancellationToken));
        telemetry.RecordDeadLettered(Source, reason);
    }

    public Task DeferAsync(CancellationToken cancellationToken = default) =>
        SettleAsync(Dispositions.Defer, () => delivery.DeferAsync(null, cancellationToken));

    public Task RenewLockAsync(CancellationToken cancellationToken = default)
    {
        if (IsSettled)
        {
            throw new InvalidOperationException($"The message was already settled ({Disposition}); it holds no lock to renew.");
        }

        return delivery.RenewLockAsync(cancellationToken);
    }

    private async Task SettleAsync(string disposition, Func<Task> settle)
    {
        if (Disposition is not null)
        {
            throw new InvalidOperationException($"The message was already settled ({Disposition}); it cannot also be settled as {disposition}.");
        }

        var started = time.GetTimestamp();
        try
        {
            await settle();
            Disposition = disposition;
            telemetry.RecordSettled(Source, disposition, time.GetElapsedTime(started), null);
        }
        catch (Exception error)
        {
            telemetry.RecordSettled(Source, disposition, time.GetElapsedTime(started), error);
            throw;
        }
    }

    private static string? Truncate(string? text) =>
        text is { Length: > MaxDeadLetterTextLength } ? text[..MaxDeadLetterTextLength] : text;
}
