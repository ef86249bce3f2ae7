using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Embedded.Adapter;

internal sealed class EmbeddedTransportSession(EmbeddedSessionReceiver receiver) : ITransportSession
{
    public string SessionId => receiver.SessionId;

    public async Task<ReadOnlyMemory<byte>?> GetStateAsync(CancellationToken cancellationToken) =>
        await receiver.GetSessionStateAsync() is { } state ? state : null;

    public Task SetStateAsync(ReadOnlyMemory<byte>? state, CancellationToken cancellationToken) =>
        receiver.SetSessionStateAsync(state?.ToArray());
}
