namespace AiWorkload.Messaging.Transport;

/// <summary>The session a delivery belongs to, as ProcessSessionMessageEventArgs exposes it.</summary>
public interface ITransportSession
{
    string SessionId { get; }

    Task<ReadOnlyMemory<byte>?> GetStateAsync(CancellationToken cancellationToken);

    Task SetStateAsync(ReadOnlyMemory<byte>? state, CancellationToken cancellationToken);
}
