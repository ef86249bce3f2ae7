using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Storage;

namespace AiWorkload.Messaging.Embedded;

/// <summary>
/// An embedded engine with Azure Service Bus semantics: queues, topics, subscriptions and rules, peek-lock,
/// sessions, scheduling, deferral, duplicate detection, TTL, dead-lettering and auto-forwarding, durable in SQLite.
/// All state changes happen under one lock in memory and are queued to the store in the same order; every call
/// that changes state returns only after its changes are committed.
/// </summary>
public sealed partial class EmbeddedServiceBus : IAsyncDisposable
{
    private readonly Lock _sync = new();
    private readonly IMessageStore _store;
    private readonly TimeProvider _time;
    private readonly EmbeddedServiceBusOptions _options;
    private readonly Dictionary<string, MessageEntity> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TopicEntity> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MessageEntity> _receivables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ITimer _maintenance;
    private long _nextEntityId = 1;
    private bool _disposed;

    private EmbeddedServiceBus(EmbeddedServiceBusOptions options, IMessageStore store)
    {
        _options = options;
        _store = store;
        _time = options.TimeProvider;
        _maintenance = _time.CreateTimer(_ => RunMaintenance(), null, options.MaintenanceInterval, options.MaintenanceInterval);
    }

    public TimeProvider TimeProvider => _time;

    public int MaxMessageSizeBytes => _options.MaxMessageSizeBytes;

    /// <summary>Opens (or creates) the engine, recovers what is on disk, and provisions <see cref="EmbeddedServiceBusOptions.Topology"/>.</summary>
    public static async Task<EmbeddedServiceBus> OpenAsync(EmbeddedServiceBusOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Topology?.Validate();
        IMessageStore store = options.DataDirectory is null
            ? new InMemoryMessageStore()
            : new SqliteMessageStore(options.DataDirectory, options.Durability);
        EmbeddedServiceBus? engine = null;
        try
        {
            engine = new EmbeddedServiceBus(options, store);
            engine.Recover(store.Load());
            if (options.Topology is { } topology)
            {
                await engine.ApplyTopologyAsync(topology, cancellationToken);
            }

            return engine;
        }
        catch
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }
            else
            {
                await store.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var entity in _receivables.Values)
            {
                entity.Signal.Set();
            }
        }

        await _maintenance.DisposeAsync();
        await _store.DisposeAsync();
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new MessagingException(MessagingErrorReason.EngineClosed, null, "The embedded Service Bus has been closed.");
        }
    }

    private MessageEntity GetReceivable(string path)
    {
        ThrowIfDisposed();
        return _receivables.TryGetValue(path, out var entity)
            ? entity
            : throw new MessagingException(MessagingErrorReason.MessagingEntityNotFound, path, $"The messaging entity '{path}' could not be found.");
    }

    /// <summary>Submits under the lock (fixing the order), so callers await the returned task after leaving it.</summary>
    private Task Commit(StoreTransaction transaction)
    {
        _store.Submit(transaction);
        return transaction.Committed;
    }
}
