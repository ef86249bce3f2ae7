using AiWorkload.Messaging.Amqp.Cbs;
using AiWorkload.Messaging.Amqp.Connections;
using AiWorkload.Messaging.Amqp.Links;
using AiWorkload.Messaging.Amqp.Management;
using AiWorkload.Messaging.Amqp.Security;
using AiWorkload.Messaging.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiWorkload.Messaging.Amqp;

/// <summary>
/// The embedded engine reachable over AMQP 1.0 as an Azure Service Bus namespace: the official clients connect with
/// <c>UseDevelopmentEmulator=true</c> connection strings. Every semantic stays in the engine; this is the wire.
/// </summary>
public sealed class AmqpServiceBusHost : IAsyncDisposable
{
    private readonly ConnectionRegistry _connections;
    private readonly AmqpListener _listener;

    public AmqpServiceBusHost(EmbeddedServiceBus engine, AmqpServiceBusOptions options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        loggers ??= NullLoggerFactory.Instance;
        Options = options;
        _connections = new ConnectionRegistry(engine.TimeProvider);
        var validator = new SasTokenValidator(options.EffectiveKeys, engine.TimeProvider);
        var links = new LinkFactory(
            engine,
            _connections,
            new CbsNode(validator, loggers.CreateLogger<CbsNode>()),
            new ManagementNode(engine, loggers.CreateLogger<ManagementNode>()),
            new SessionLinks(engine),
            options,
            loggers);
        _listener = new AmqpListener(options, links, loggers.CreateLogger<AmqpServiceBusHost>());
    }

    public AmqpServiceBusOptions Options { get; }

    /// <summary>How many client connections are open now.</summary>
    public int ConnectionCount => _connections.Count;

    public string ConnectionString => Options.ConnectionString();

    public void Start() => _listener.Start();

    public ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _connections.CloseAll();
        return ValueTask.CompletedTask;
    }
}
