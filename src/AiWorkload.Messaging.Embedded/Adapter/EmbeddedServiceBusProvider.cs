using Microsoft.Extensions.Options;

namespace AiWorkload.Messaging.Embedded.Adapter;

/// <summary>
/// Owns the one engine of the process: opened (recovered from disk and provisioned from the topology) on first use,
/// closed when the host's services are disposed, after the processors have stopped.
/// </summary>
public sealed class EmbeddedServiceBusProvider(IOptions<EmbeddedTransportOptions> options, IOptions<MessagingOptions> messaging, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private EmbeddedServiceBus? _engine;
    private bool _disposed;

    public async ValueTask<EmbeddedServiceBus> GetEngineAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _engine) is { } opened)
        {
            return opened;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_engine is null)
            {
                var settings = options.Value;
                var engineOptions = new EmbeddedServiceBusOptions
                {
                    DataDirectory = settings.InMemory ? null : settings.DataDirectory ?? throw new InvalidOperationException("EmbeddedTransportOptions.DataDirectory is not set."),
                    Durability = settings.Durability,
                    TimeProvider = time,
                    Topology = settings.Topology ?? messaging.Value.Topology,
                };
                settings.ConfigureEngine?.Invoke(engineOptions);
                if (engineOptions.DataDirectory is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                Volatile.Write(ref _engine, await EmbeddedServiceBus.OpenAsync(engineOptions, cancellationToken));
            }

            return _engine!;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _opening.WaitAsync();
        try
        {
            _disposed = true;
            if (_engine is not null)
            {
                await _engine.DisposeAsync();
                _engine = null;
            }
        }
        finally
        {
            _opening.Release();
        }

        _opening.Dispose();
    }
}
