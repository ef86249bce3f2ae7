using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Processing;

internal sealed class SessionContext(ITransportSession session) : ISessionContext
{
    public string SessionId => session.SessionId;

    public Task<ReadOnlyMemory<byte>?> GetStateAsync(CancellationToken cancellationToken = default) => session.GetStateAsync(cancellationToken);

    public Task SetStateAsync(ReadOnlyMemory<byte>? state, CancellationToken cancellationToken = default) => session.SetStateAsync(state, cancellationToken);
}
