// Targets Azure.Messaging.ServiceBus 7.21.0: ProcessSessionMessageEventArgs.SessionId, GetSessionStateAsync and
// SetSessionStateAsync (BinaryData; null clears the state).
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.AzureServiceBus;

internal sealed class AzureTransportSession(ProcessSessionMessageEventArgs args) : ITransportSession
{
    public string SessionId => args.SessionId;

    public Task<ReadOnlyMemory<byte>?> GetStateAsync(CancellationToken cancellationToken) =>
        AzureErrors.RunAsync<ReadOnlyMemory<byte>?>(async () =>
            await args.GetSessionStateAsync(cancellationToken) is { } state ? state.ToMemory() : null, args.EntityPath);

    public Task SetStateAsync(ReadOnlyMemory<byte>? state, CancellationToken cancellationToken) =>
        AzureErrors.RunAsync(() => args.SetSessionStateAsync(state is { } bytes ? new BinaryData(bytes) : null, cancellationToken), args.EntityPath);
}
