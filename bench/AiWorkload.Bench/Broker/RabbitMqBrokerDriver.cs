using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AiWorkload.Bench.Broker;

/// <summary>
/// RabbitMQ with the equivalent guarantees: a durable classic queue, persistent messages, publisher confirms awaited
/// before a send counts as done, and manual acks. Each sender and each consumer has its own channel; publishers and
/// consumers use separate connections so flow control on one side does not stall the other.
/// </summary>
internal sealed class RabbitMqBrokerDriver : IBrokerDriver
{
    private const string Queue = "bench";

    // Publishing 100 and then awaiting the confirms must not be throttled by the client's default limiter (throttles past 64).
    private const int MaxOutstandingConfirms = 4096;

    private static readonly BasicProperties Persistent = new() { DeliveryMode = DeliveryModes.Persistent };

    private readonly ConnectionFactory _factory;
    private readonly IConnection _publishing;
    private readonly IConnection _consuming;

    private RabbitMqBrokerDriver(ConnectionFactory factory, IConnection publishing, IConnection consuming)
    {
        _factory = factory;
        _publishing = publishing;
        _consuming = consuming;
    }

    public string Name => "RabbitMQ";

    public bool IsEmbedded => false;

    /// <summary>The broker's own version string, e.g. "RabbitMQ 3.10.8 on Erlang/OTP 25.2.3".</summary>
    public string ServerVersion =>
        $"RabbitMQ {ServerProperty("version")} on {ServerProperty("platform")}";

    public static async Task<RabbitMqBrokerDriver> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = port, ClientProvidedName = "aiworkload-bench" };
        var publishing = await ConnectWithRetryAsync(factory, cancellationToken);
        try
        {
            var consuming = await factory.CreateConnectionAsync(cancellationToken);
            await using (var setup = await publishing.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                await setup.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken);
            }

            return new RabbitMqBrokerDriver(factory, publishing, consuming);
        }
        catch
        {
            await publishing.DisposeAsync();
            throw;
        }
    }

    public async Task<BrokerRunResult> RunAsync(BrokerScenario scenario, int messageCount, CancellationToken cancellationToken)
    {
        // Messages a failed earlier run left behind would be counted as this run's.
        await using (var setup = await _publishing.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await setup.QueuePurgeAsync(Queue, cancellationToken);
        }

        using var tracker = new RunTracker(messageCount, RunTracker.MaxInFlightFor(scenario));
        var consumers = new List<(IChannel Channel, string Tag)>();
        var publishers = new List<(IChannel Channel, ThrottlingRateLimiter Limiter)>();
        var ownConnections = new List<IConnection>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task[] senders = [];
        try
        {
            for (var r = 0; r < scenario.Receivers; r++)
            {
                consumers.Add(await StartConsumerAsync(tracker, scenario.BatchSize, cancellationToken));
            }

            for (var s = 0; s < scenario.Senders; s++)
            {
                var limiter = new ThrottlingRateLimiter(MaxOutstandingConfirms);
                try
                {
                    var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: limiter);
                    var connection = _publishing;
                    if (scenario.ConnectionPerSender)
                    {
                        connection = await _factory.CreateConnectionAsync(cancellationToken);
                        ownConnections.Add(connection);
                    }

                    publishers.Add((await connection.CreateChannelAsync(options, cancellationToken), limiter));
                }
                catch
                {
                    limiter.Dispose();
                    throw;
                }
            }

            tracker.Start();
            var perSender = messageCount / scenario.Senders;
            senders = publishers
                .Select((p, s) => Task.Run(() => SendLoopAsync(p.Channel, tracker, s * perSender, perSender, scenario.BatchSize, stop.Token), CancellationToken.None))
                .ToArray();
            return await tracker.WaitAsync(RunTracker.TimeoutFor(messageCount), cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(senders); // the loops report errors through the tracker and never throw
            foreach (var (channel, tag) in consumers)
            {
                await channel.BasicCancelAsync(tag, cancellationToken: CancellationToken.None);
                await channel.CloseAsync(CancellationToken.None);
                await channel.DisposeAsync();
            }

            foreach (var (channel, limiter) in publishers)
            {
                await channel.CloseAsync(CancellationToken.None);
                await channel.DisposeAsync();
                limiter.Dispose();
            }

            foreach (var connection in ownConnections)
            {
                await connection.CloseAsync(CancellationToken.None);
                await connection.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _consuming.CloseAsync();
        await _consuming.DisposeAsync();
        await _publishing.CloseAsync();
        await _publishing.DisposeAsync();
    }

    /// <summary>The node accepts TCP a moment before AMQP is fully up; a few retries cover that gap.</summary>
    private static async Task<IConnection> ConnectWithRetryAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await factory.CreateConnectionAsync(cancellationToken);
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException) when (attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static async Task SendLoopAsync(IChannel channel, RunTracker tracker, int firstIndex, int count, int batchSize, CancellationToken cancellationToken)
    {
        var confirms = new Task[batchSize];
        try
        {
            for (var sent = 0; sent < count; sent += batchSize)
            {
                await tracker.AcquireAsync(batchSize, cancellationToken);
                var start = Stopwatch.GetTimestamp();
                if (batchSize == 1)
                {
                    await channel.BasicPublishAsync(string.Empty, Queue, mandatory: true, Persistent, BenchMessageBody.Create(firstIndex + sent, start), cancellationToken);
                    continue;
                }

                // With confirmation tracking each publish completes when the broker confirms it, so a batch is N
                // publishes in flight at once and then a wait for all N confirms.
                for (var i = 0; i < batchSize; i++)
                {
                    confirms[i] = channel.BasicPublishAsync(string.Empty, Queue, mandatory: true, Persistent, BenchMessageBody.Create(firstIndex + sent + i, start), cancellationToken).AsTask();
                }

                await Task.WhenAll(confirms);
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

    /// <summary>Prefetch equals the batch size, the counterpart of the engine's ReceiveAsync(maxMessages: N); every message is acked on its own.</summary>
    private async Task<(IChannel Channel, string Tag)> StartConsumerAsync(RunTracker tracker, int batchSize, CancellationToken cancellationToken)
    {
        var channel = await _consuming.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: checked((ushort)batchSize), global: false, cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                try
                {
                    tracker.Received(delivery.Body.Span, Stopwatch.GetTimestamp());
                    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
                    tracker.Settled(1);
                }
                catch (Exception error)
                {
                    tracker.Fail(error);
                }
            };
            var tag = await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, cancellationToken);
            return (channel, tag);
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }
    }

    private string ServerProperty(string key) =>
        _publishing.ServerProperties is { } properties && properties.TryGetValue(key, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => "?", _ => value.ToString() ?? "?" }
            : "?";
}
