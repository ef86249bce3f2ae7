using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>
/// A locked message from the engine. Settlement goes through the engine's path-based operations, which check the message
/// lock, or for a session message the session lock.
/// </summary>
internal sealed class EmbeddedDelivery(
    EmbeddedServiceBus engine,
    MessageSource source,
    string entityPath,
    ReceivedMessage received,
    EmbeddedSessionReceiver? sessionReceiver = null) : ITransportDelivery
{
    private int _settling;

    public MessageSource Source { get; } = source;

    public TransportReceivedMessage Message { get; } = EmbeddedMessageMapper.ToTransport(received);

    public ITransportSession? Session { get; } = sessionReceiver is null ? null : new EmbeddedTransportSession(sessionReceiver);

    /// <summary>True from the moment settlement starts, so lock renewal stops instead of racing it.</summary>
    public bool IsSettling => Volatile.Read(ref _settling) == 1;

    public Guid LockToken => received.LockToken;

    public Task CompleteAsync(CancellationToken cancellationToken) =>
        Settle(() => engine.CompleteAsync(entityPath, received.LockToken, cancellationToken));

    public Task AbandonAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        Settle(() => engine.AbandonAsync(entityPath, received.LockToken, propertiesToModify, cancellationToken));

    public Task DeadLetterAsync(string reason, string? description, IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        Settle(() => engine.DeadLetterAsync(entityPath, received.LockToken, reason, description, propertiesToModify, cancellationToken));

    public Task DeferAsync(IReadOnlyDictionary<string, object?>? propertiesToModify, CancellationToken cancellationToken) =>
        Settle(() => engine.DeferAsync(entityPath, received.LockToken, propertiesToModify, cancellationToken));

    public Task<DateTimeOffset> RenewLockAsync(CancellationToken cancellationToken) =>
        sessionReceiver is null ? engine.RenewLockAsync(entityPath, received.LockToken, cancellationToken) : sessionReceiver.RenewSessionLockAsync();

    private async Task Settle(Func<Task> settle)
    {
        Volatile.Write(ref _settling, 1);
        try
        {
            await settle();
        }
        catch
        {
            // A failed settlement leaves the lock with us (if it still exists); renewal may continue.
            Volatile.Write(ref _settling, 0);
            throw;
        }
    }
}
