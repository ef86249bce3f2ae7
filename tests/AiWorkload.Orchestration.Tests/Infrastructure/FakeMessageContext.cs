using AiWorkload.Messaging;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>A delivery handed straight to a handler, to replay exactly what a broker redelivery would.</summary>
internal sealed record FakeMessageContext(string MessageId, string Subject, string? CorrelationId) : IMessageContext
{
    public MessageSource Source { get; init; } = MessageSource.Queue("replay");

    public string TransportMessageId => MessageId;

    public string? SessionId => null;

    public string? ContentType => "application/json";

    public int DeliveryCount { get; init; } = 1;

    public int Attempt => DeliveryCount;

    public long SequenceNumber => 1;

    public DateTimeOffset EnqueuedTime => DateTimeOffset.UtcNow;

    public DateTimeOffset ExpiresAt => DateTimeOffset.MaxValue;

    public IReadOnlyDictionary<string, object?> Properties { get; init; } = new Dictionary<string, object?>();

    public ISessionContext? Session => null;

    public bool IsSettled => false;

    public Task CompleteAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeadLetterAsync(string reason, string? description = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeferAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RenewLockAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
