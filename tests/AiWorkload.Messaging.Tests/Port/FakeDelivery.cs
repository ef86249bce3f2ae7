using System.Text;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Tests.Port;

/// <summary>A delivery that records how it was settled, in order, instead of talking to a broker.</summary>
internal sealed class FakeDelivery(MessageSource source, TransportReceivedMessage message) : ITransportDelivery
{
    public MessageSource Source { get; } = source;

    public TransportReceivedMessage Message { get; } = message;

    public ITransportSession? Session { get; init; }

    public List<string> Settlements { get; } = [];

    public string? DeadLetterReason { get; private set; }

    public string? DeadLetterDescription { get; private set; }

    public IReadOnlyDictionary<string, object?>? ModifiedProperties { get; private set; }

    public Exception? FailSettlementWith { get; init; }

    public static FakeDelivery For(string? subject, string body, int deliveryCount = 1, Dictionary<string, object?>? properties = null, MessageSource? source = null) =>
        new(source ?? MessageSource.Queue("work"), new TransportReceivedMessage
        {
            Body = Encoding.UTF8.GetBytes(body),
            MessageId = "m-1",
            Subject = subject,
            ContentType = "application/json",
            ApplicationProperties = properties ?? [],
            SequenceNumber = 7,
            EnqueuedTime = DateTimeOffset.UnixEpoch,
            DeliveryCount = deliveryCount,
        });

    public Task CompleteAsync(CancellationToken cancellationToken) => Settle("complete");

    public Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken)
    {
        ModifiedProperties = propertiesToModify;
        return Settle("abandon");
    }

    public Task DeadLetterAsync(string reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken)
    {
        DeadLetterReason = reason;
        DeadLetterDescription = description;
        return Settle("dead_letter");
    }

    public Task DeferAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) => Settle("defer");

    public Task<DateTimeOffset> RenewLockAsync(CancellationToken cancellationToken) => Task.FromResult(DateTimeOffset.MaxValue);

    private Task Settle(string how)
    {
        if (FailSettlementWith is not null)
        {
            return Task.FromException(FailSettlementWith);
        }

        Settlements.Add(how);
        return Task.CompletedTask;
    }
}
