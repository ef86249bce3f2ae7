namespace AiWorkload.Messaging.Transport;

/// <summary>A running receive loop over one queue or subscription, like ServiceBusProcessor.</summary>
public interface ITransportProcessor : IAsyncDisposable
{
    MessageSource Source { get; }

    bool IsProcessing { get; }

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops receiving, cancels the handlers' token and waits for in-flight handlers to finish.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
