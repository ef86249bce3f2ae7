using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AiWorkload.Bench.Broker;
using AiWorkload.Messaging.Amqp;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Topology;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Bench.Amqp;

/// <summary>
/// The official Service Bus SDK against the embedded engine's AMQP face, hosted in this process on loopback. An awaited
/// send is the counterpart of a publisher confirm, peek-lock receive + complete of a manual ack. Senders share one
/// client (connection) and receivers another, like the RabbitMQ driver, unless the scenario gives every sender its own.
/// </summary>
internal sealed class AmqpFaceBrokerDriver : IBrokerDriver
{
    private const string Queue = "bench";

    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(1);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"aiw-bench-amqp-{Guid.NewGuid():N}");
    private EmbeddedServiceBus? _engine;
    private AmqpServiceBusHost? _host;
    private LocalServiceBusProcess? _process;
    private ServiceBusClient? _sending;
    private ServiceBusClient? _receiving;

    public string Name => "SDK → AMQP face";

    private string? ConnectionString { get; set; }

    public bool IsEmbedded => true;

    public async Task<BrokerRunResult> RunAsync(BrokerScenario scenario, int messageCount, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken);
        using var tracker = new RunTracker(messageCount, RunTracker.MaxInFlightFor(scenario));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ownClients = new List<ServiceBusClient>();
        var senders = new List<ServiceBusSender>();
        var receivers = new List<ServiceBusReceiver>();
        Task[] loops = [];
        try
        {
            for (var s = 0; s < scenario.Senders; s++)
            {
                var client = _sending!;
                if (scenario.ConnectionPerSender)
                {
                    client = new ServiceBusClient(ConnectionString);
                    ownClients.Add(client);
                }

                senders.Add(client.CreateSender(Queue));
            }

            for (var r = 0; r < scenario.Receivers; r++)
            {
                // Prefetch = batch size, the counterpart of RabbitMQ's BasicQos prefetch: the next messages are on their way while
                // this batch is being completed.
                receivers.Add(_receiving!.CreateReceiver(Queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = scenario.BatchSize }));
            }

            // Open every connection and link before the clock starts, as the RabbitMQ driver opens its channels.
            await Task.WhenAll(senders.Select(async s => (await s.CreateMessageBatchAsync(cancellationToken)).Dispose()));
            await Task.WhenAll(receivers.Select(r => r.PeekMessageAsync(cancellationToken: cancellationToken)));

            tracker.Start();
            var perSender = messageCount / scenario.Senders;
            loops =
            [
                .. receivers.Select(r => Task.Run(() => ReceiveLoopAsync(r, tracker, scenario.BatchSize, stop.Token), CancellationToken.None)),
                .. senders.Select((s, i) => Task.Run(() => SendLoopAsync(s, tracker, i * perSender, perSender, scenario.BatchSize, stop.Token), CancellationToken.None)),
            ];
            return await tracker.WaitAsync(RunTracker.TimeoutFor(messageCount), cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops); // the loops report errors through the tracker and never throw
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }

            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }

            foreach (var client in ownClients)
            {
                await client.DisposeAsync();
            }

            await DrainAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_receiving is not null)
        {
            await _receiving.DisposeAsync();
        }

        if (_sending is not null)
        {
            await _sending.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (ConnectionString is not null)
        {
            return;
        }

        var topology = new TopologyModel([new QueueDefinition(Queue) { LockDuration = TimeSpan.FromSeconds(60) }], []);
        if (HostStartupProbe.FindHostDll() is { } hostDll)
        {
            _process = await LocalServiceBusProcess.StartAsync(hostDll, topology, cancellationToken);
            ConnectionString = _process.ConnectionString;
        }
        else
        {
            // Without a Release build of the host, the face runs in this process and shares its cores with the clients.
            _engine = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions { DataDirectory = _dataDirectory, Topology = topology }, cancellationToken);
            _host = new AmqpServiceBusHost(_engine, new AmqpServiceBusOptions { Port = FreeLoopbackPort(), HostName = "127.0.0.1" });
            _host.Start();
            ConnectionString = _host.ConnectionString;
        }

        _sending = new ServiceBusClient(ConnectionString);
        _receiving = new ServiceBusClient(ConnectionString);
    }

    /// <summary>A run that failed half-way may leave messages behind that the next run would count as its own.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        await using var receiver = _receiving!.CreateReceiver(Queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        while ((await receiver.ReceiveMessagesAsync(500, TimeSpan.FromMilliseconds(200), cancellationToken)).Count > 0)
        {
        }
    }

    private static async Task SendLoopAsync(ServiceBusSender sender, RunTracker tracker, int firstIndex, int count, int batchSize, CancellationToken cancellationToken)
    {
        var batch = new ServiceBusMessage[batchSize];
        try
        {
            for (var sent = 0; sent < count; sent += batchSize)
            {
                await tracker.AcquireAsync(batchSize, cancellationToken);
                var start = Stopwatch.GetTimestamp();
                if (batchSize == 1)
                {
                    await sender.SendMessageAsync(new ServiceBusMessage(BenchMessageBody.Create(firstIndex + sent, start)), cancellationToken);
                    continue;
                }

                for (var i = 0; i < batchSize; i++)
                {
                    batch[i] = new ServiceBusMessage(BenchMessageBody.Create(firstIndex + sent + i, start));
                }

                await sender.SendMessagesAsync(batch, cancellationToken);
            }
        }
        catch (Exception error) when (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            tracker.Fail(error);
        }
    }

    private static async Task ReceiveLoopAsync(ServiceBusReceiver receiver, RunTracker tracker, int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                IReadOnlyList<ServiceBusReceivedMessage> messages = batchSize == 1
                    ? await receiver.ReceiveMessageAsync(ReceiveWait, cancellationToken) is { } one ? [one] : []
                    : await receiver.ReceiveMessagesAsync(batchSize, ReceiveWait, cancellationToken);
                var received = Stopwatch.GetTimestamp();
                foreach (var message in messages)
                {
                    tracker.Received(message.Body.ToMemory().Span, received);
                }

                await Task.WhenAll(messages.Select(m => receiver.CompleteMessageAsync(m, cancellationToken)));
                tracker.Settled(messages.Count);
            }
        }
        catch (Exception error) when (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            tracker.Fail(error);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
