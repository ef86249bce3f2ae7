namespace AiWorkload.Messaging;

/// <summary>The session a message was received in; its state survives across messages and receivers.</summary>
public interface ISessionContext
{
    string SessionId { get; }

    Task<ReadOnlyMemory<byte>?> GetStateAsync(CancellationToken cancellationToken = default);

    Task SetStateAsync(ReadOnlyMemory<byte>? state, CancellationToken cancellationToken = default);
}
