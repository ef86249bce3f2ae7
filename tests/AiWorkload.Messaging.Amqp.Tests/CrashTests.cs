using System.Collections.Concurrent;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;
using AiWorkload.Testing;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

/// <summary>SIGKILLs the host process in the middle of a storm of SDK senders and receivers, restarts it, and checks every acknowledgement.</summary>
public sealed class CrashTests
{
    private const string Queue = "storm";

    /// <summary>A short lock, so messages locked by receivers that died with the host come back within the test.</summary>
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(5);

    /// <remarks>
    /// A send whose acknowledgement died with the host is retried by the SDK and may be stored twice (the queue has no
    /// duplicate detection): that is at-least-once, so "came back" is judged by the broker's copy, its sequence number.
    /// </remarks>
    [Fact]
    public async Task Every_acknowledged_send_is_received_and_every_acknowledged_completion_stays_completed_across_SIGKILL()
    {
        using var data = new TemporaryDirectory();
        var amqpPort = LocalServiceBus.FreePort();
        var httpPort = LocalServiceBus.FreePort();
        var config = Path.Combine(data.Path, "Config.json");
        await File.WriteAllTextAsync(config, EmulatorConfigWriter.Write(new TopologyModel([new QueueDefinition(Queue) { LockDuration = LockDuration, MaxDeliveryCount = 100 }], [])).Json);
        var store = Path.Combine(data.Path, "servicebus");
        var host = await ServiceBusProcess.StartAsync(store, amqpPort, httpPort, config);
        var sent = new ConcurrentDictionary<string, bool>();
        var completed = new ConcurrentDictionary<string, bool>();
        var completedCopies = new ConcurrentDictionary<long, string>();
        var redeliveredAfterCompletion = new ConcurrentBag<string>();
        var handedOut = new ConcurrentDictionary<string, bool>();

        // One client for the whole test: it must reconnect by itself after each restart.
        var options = new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions { MaxRetries = 20, Delay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), TryTimeout = TimeSpan.FromSeconds(5) },
        };
        await using var client = new ServiceBusClient($"Endpoint=sb://127.0.0.1:{amqpPort};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;", options);
        try
        {
            using var storm = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(s => SendAsync(client, s, sent, storm.Token)).ToList();
            var receivers = Enumerable.Range(0, 2).Select(_ => ReceiveAsync(client, handedOut, completed, completedCopies, redeliveredAfterCompletion, storm.Token)).ToList();

            for (var round = 0; round < 2; round++)
            {
                await WaitUntilAsync(() => completed.Count >= 150 * (round + 1), TimeSpan.FromSeconds(60));
                host.Kill();
                host.Dispose();
                host = await ServiceBusProcess.StartAsync(store, amqpPort, httpPort, config);
            }

            await WaitUntilAsync(() => completed.Count >= 500, TimeSpan.FromSeconds(60));
            await storm.CancelAsync();
            await Task.WhenAll(senders.Concat(receivers));

            // Drain what is left, waiting out the locks the killed host's receivers held; nothing completed may come back.
            await using var drain = client.CreateReceiver(Queue);
            var quietSince = DateTime.UtcNow;
            while (DateTime.UtcNow - quietSince < LockDuration + TimeSpan.FromSeconds(2))
            {
                var rest = await drain.ReceiveMessagesAsync(100, TimeSpan.FromSeconds(1));
                if (rest.Count > 0)
                {
                    quietSince = DateTime.UtcNow;
                }

                foreach (var message in rest)
                {
                    if (completedCopies.ContainsKey(message.SequenceNumber))
                    {
                        redeliveredAfterCompletion.Add(message.MessageId);
                    }

                    completed.TryAdd(message.MessageId, true);
                    await drain.CompleteMessageAsync(message);
                    completedCopies[message.SequenceNumber] = message.MessageId;
                }
            }

            // A completion can reach the disk while its acknowledgement dies with the host: such a message is gone, but it
            // was received. Only a send that no receiver ever got is lost.
            var gone = sent.Keys.Where(id => !completed.ContainsKey(id)).ToList();
            var lost = gone.Where(id => !handedOut.ContainsKey(id)).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} acknowledged sends were never received, e.g. {string.Join(", ", lost.Take(5))}");
            Assert.True(gone.Count <= 2 * 20 * 2, $"{gone.Count} received messages vanished unacknowledged; at most the in-flight completions of each kill can");
            Assert.True(redeliveredAfterCompletion.IsEmpty, $"completed messages came back: {string.Join(", ", redeliveredAfterCompletion.Take(5))}");
            Assert.True(sent.Count >= 500, $"only {sent.Count} sends were acknowledged");
        }
        finally
        {
            host.Dispose();
        }
    }

    private static async Task SendAsync(ServiceBusClient client, int senderId, ConcurrentDictionary<string, bool> sent, CancellationToken stop)
    {
        await using var sender = client.CreateSender(Queue);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var id = $"s{senderId}-{i}";
            try
            {
                await sender.SendMessageAsync(new ServiceBusMessage(id) { MessageId = id }, stop);
                sent[id] = true;
            }
            catch (Exception exception) when (exception is ServiceBusException or OperationCanceledException or ObjectDisposedException)
            {
                // Not acknowledged: it may or may not be there, and the test only holds the broker to what it acknowledged.
            }
        }
    }

    private static async Task ReceiveAsync(
        ServiceBusClient client,
        ConcurrentDictionary<string, bool> handedOut,
        ConcurrentDictionary<string, bool> completed,
        ConcurrentDictionary<long, string> completedCopies,
        ConcurrentBag<string> redelivered,
        CancellationToken stop)
    {
        await using var receiver = client.CreateReceiver(Queue);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var message in await receiver.ReceiveMessagesAsync(20, TimeSpan.FromSeconds(1), stop))
                {
                    if (completedCopies.ContainsKey(message.SequenceNumber))
                    {
                        redelivered.Add(message.MessageId);
                    }

                    handedOut[message.MessageId] = true;
                    await receiver.CompleteMessageAsync(message, stop);
                    completed[message.MessageId] = true;
                    completedCopies[message.SequenceNumber] = message.MessageId;
                }
            }
            catch (Exception exception) when (exception is ServiceBusException or OperationCanceledException or ObjectDisposedException)
            {
                // A lost lock or a dropped connection: the message comes back and is received again.
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the storm made no progress in time");
            await Task.Delay(50);
        }
    }
}
