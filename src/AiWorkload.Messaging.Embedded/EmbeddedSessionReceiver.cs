using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Embedded;

/// <summary>
/// A receiver holding one session's lock: it receives that session's messages in order, keeps its state,
/// and settles through the engine's path-based methods. Disposing releases the session.
/// </summary>
public sealed class EmbeddedSessionReceiver : IAsyncDisposable
{
    private readonly EmbeddedServiceBus _engine;
    private readonly SessionHandle _handle;

    internal EmbeddedSessionReceiver(EmbeddedServiceBus engine, SessionHandle handle, DateTimeOffset lockedUntil)
    {
        _engine = engine;
        _handle = handle;
        SessionLockedUntil = lockedUntil;
    }

    public string EntityPath => _handle.EntityPath;

    public string SessionId => _handle.SessionId;

    public DateTimeOffset SessionLockedUntil { get; private set; }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? maxWait = null, ReceiveMode mode = ReceiveMode.PeekLock, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        return _engine.ReceiveFromSession(_handle, maxMessages, maxWait ?? EmbeddedServiceBus.DefaultMaxWaitTime, mode, cancellationToken);
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveDeferredAsync(IReadOnlyList<long> sequenceNumbers) =>
        _engine.ReceiveDeferredFromSession(_handle, sequenceNumbers);

    public Task CompleteAsync(Guid lockToken, CancellationToken cancellationToken = default) => _engine.CompleteAsync(EntityPath, lockToken, cancellationToken);

    public Task AbandonAsync(Guid lockToken, IReadOnlyDictionary<string, object?>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        _engine.AbandonAsync(EntityPath, lockToken, propertiesToModify, cancellationToken);

    public Task DeadLetterAsync(Guid lockToken, string? reason = null, string? description = null, CancellationToken cancellationToken = default) =>
        _engine.DeadLetterAsync(EntityPath, lockToken, reason, description, null, cancellationToken);

    public Task DeferAsync(Guid lockToken, CancellationToken cancellationToken = default) => _engine.DeferAsync(EntityPath, lockToken, null, cancellationToken);

    public Task<DateTimeOffset> RenewSessionLockAsync()
    {
        SessionLockedUntil = _engine.RenewSessionLock(_handle);
        return Task.FromResult(SessionLockedUntil);
    }

    public Task<byte[]?> GetSessionStateAsync() => Task.FromResult(_engine.GetSessionState(_handle));

    public Task SetSessionStateAsync(byte[]? state) => _engine.SetSessionState(_handle, state);

    public ValueTask DisposeAsync() => new(_engine.ReleaseSession(_handle));
}
