using System.Net;
using System.Net.Sockets;
using AiWorkload.Messaging.Amqp.Security;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

/// <summary>A durable engine behind the AMQP face on a free loopback port, and SDK clients pointed at it.</summary>
public sealed class LocalServiceBus : IAsyncDisposable
{
    private readonly TemporaryDirectory? _ownDirectory;
    private readonly List<IAsyncDisposable> _clients = [];

    private LocalServiceBus(EmbeddedServiceBus engine, AmqpServiceBusHost host, TemporaryDirectory? ownDirectory)
    {
        Engine = engine;
        Host = host;
        _ownDirectory = ownDirectory;
    }

    public EmbeddedServiceBus Engine { get; }

    public AmqpServiceBusHost Host { get; }

    public string ConnectionString => Host.ConnectionString;

    public static TopologyModel DefaultTopology { get; } = new(
        [
            new QueueDefinition("orders") { MaxDeliveryCount = 3, LockDuration = TimeSpan.FromSeconds(30) },
            new QueueDefinition("short-lock") { LockDuration = TimeSpan.FromSeconds(5), MaxDeliveryCount = 10 },
            new QueueDefinition("sessions") { RequiresSession = true },
            new QueueDefinition("deduplicated") { RequiresDuplicateDetection = true },
            new QueueDefinition("tiny") { MaxSizeInMegabytes = 1 },
        ],
        [
            new TopicDefinition("events")
            {
                Subscriptions =
                [
                    new SubscriptionDefinition("all"),
                    new SubscriptionDefinition("training") { Rules = [RuleDefinition.Sql("training", "user.trigger = 'model_training'")] },
                ],
            },
        ]);

    public static async Task<LocalServiceBus> StartAsync(TopologyModel? topology = null, string? dataDirectory = null, Action<AmqpServiceBusOptions>? configure = null, int? port = null)
    {
        var own = dataDirectory is null ? new TemporaryDirectory() : null;
        var engine = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions
        {
            Topology = topology ?? DefaultTopology,
            DataDirectory = dataDirectory ?? own!.Path,
        });
        var options = new AmqpServiceBusOptions { Port = port ?? FreePort(), HostName = "127.0.0.1" };
        configure?.Invoke(options);
        var host = new AmqpServiceBusHost(engine, options);
        host.Start();
        return new LocalServiceBus(engine, host, own);
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public ServiceBusClient Client(string? connectionString = null, ServiceBusClientOptions? options = null)
    {
        var client = new ServiceBusClient(connectionString ?? ConnectionString, options ?? FastRetries());
        _clients.Add(client);
        return client;
    }

    public string ConnectionStringFor(SharedAccessKey key) => Host.Options.ConnectionString(key);

    /// <summary>Tests should fail in seconds, not after the SDK's default minute of retries.</summary>
    public static ServiceBusClientOptions FastRetries() => new()
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(100), TryTimeout = TimeSpan.FromSeconds(10) },
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Host.DisposeAsync();
        await Engine.DisposeAsync();
        _ownDirectory?.Dispose();
    }
}
