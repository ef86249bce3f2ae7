using System.Diagnostics;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Bench.Broker;

/// <summary>
/// The embedded engine on a SQLite file in a temp directory. Batch N means SendAsync with N messages per call and
/// ReceiveAsync(maxMessages: N); every received message is completed on its own, the N completions issued together.
/// </summary>
internal sealed class EmbeddedBrokerDriver(EngineDurability durability) : IBrokerDriver
{
    private const string Queue = "bench";

    // Short enough that idle receivers notice the end of a run quickly even if cancellation were missed.
    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(2);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"aiw-bench-broker-{durability}-{Guid.NewGuid():N}");
    private EmbeddedServiceBus? _bus;

    public string Name => $"embedded ({durability})";

    public bool IsEmbedded => true;

    public async Task<BrokerRunResult> RunAsync(BrokerScenario scenario, int messageCount, CancellationToken cancellationToken)
    {
        // One engine for the whole suite, as an app would keep one; every run leaves the queue empty again.
        _bus ??= await EmbeddedServiceBus.OpenAsync(
            new EmbeddedServiceBusOptions
            {
                DataDirectory = _dataDirectory,
                Durability = durability,
                Topology = new TopologyModel([new QueueDefinition(Queue)], []),
            },
            cancellationToken);
        var bus = _bus;

        using var tracker = new RunTracker(messageCount, RunTracker.MaxInFlightFor(scenario));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receivers = Enumerable.Range(0, scenario.Receivers)
            .Select(_ => Task.Run(() => ReceiveLoopAsync(bus, tracker, scenario.BatchSize, stop.Token), CancellationToken.None))
            .ToArray();
        tracker.Start();
        var perSender = messageCount / scenario.Senders;
        var senders = Enumerable.Range(0, scenario.Senders)
            .Select(s => Task.Run(() => SendLoopAsync(bus, tracker, s * perSender, perSender, scenario.BatchSize, stop.Token), CancellationToken.None))
            .ToArray();
        try
        {
            return await tracker.WaitAsync(RunTracker.TimeoutFor(messageCount), cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(senders.Concat(receivers)); // the loops report errors through the tracker and never throw
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task SendLoopAsync(EmbeddedServiceBus bus, RunTracker tracker, int firstIndex, int count, int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            for (var sent = 0; sent < count; sent += batchSize)
            {
                await tracker.AcquireAsync(batchSize, cancellationToken);
                var start = Stopwatch.GetTimestamp();
                var batch = new OutgoingMessage[batchSize];
                for (var i = 0; i < batchSize; i++)
                {
                    batch[i] = new OutgoingMessage(BenchMessageBody.Create(firstIndex + sent + i, start));
                }

                await bus.SendAsync(Queue, batch, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run already failed or was interrupted; the tracker holds the reason.
        }
        catch (Exception error)
        {
            tracker.Fail(error);
        }
    }

    private static async Task ReceiveLoopAsync(EmbeddedServiceBus bus, RunTracker tracker, int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var received = await bus.ReceiveAsync(Queue, batchSize, ReceiveWait, ReceiveMode.PeekLock, cancellationToken);
                if (received.Count == 0)
                {
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                foreach (var message in received)
                {
                    tracker.Received(message.Body.Span, now);
                }

                if (received.Count == 1)
                {
                    await bus.CompleteAsync(Queue, received[0].LockToken, CancellationToken.None);
                }
                else
                {
                    await Task.WhenAll(received.Select(m => bus.CompleteAsync(Queue, m.LockToken, CancellationToken.None)));
                }

                tracker.Settled(received.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over: receivers still waiting for messages are told to stop this way.
        }
        catch (Exception error)
        {
            tracker.Fail(error);
        }
    }
}
