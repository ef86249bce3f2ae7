using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AiWorkload.Messaging.Embedded;

namespace AiWorkload.Bench.Broker;

/// <summary>
/// The embedded engine and RabbitMQ side by side in one run, on the same machine and the same load: durable
/// send → peek-lock receive → complete of 1 KB messages. RabbitMQ runs as a private node this suite starts and stops.
/// </summary>
public sealed class BrokerBenchmarkSuite : IBenchmarkSuite
{
    private const int Senders = 4;

    private static readonly int[] BatchSizes = [1, 100];
    private static readonly int[] ReceiverCounts = [1, 4];

    public string Name => "broker";

    public string Description => "durable send/receive/complete throughput and latency: embedded engine vs RabbitMQ";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = BrokerBenchmarkOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        var total = Stopwatch.StartNew();
        PrintHeader(args, options);
        var exitCode = 0;
        var drivers = new List<IBrokerDriver> { new EmbeddedBrokerDriver(EngineDurability.Full) };
        if (!options.SkipCrashSafe)
        {
            drivers.Add(new EmbeddedBrokerDriver(EngineDurability.ProcessCrashSafe));
        }

        RabbitMqServer? server = null;
        try
        {
            if (!options.SkipRabbitMq)
            {
                (server, var rabbit) = await StartRabbitMqAsync(cancellationToken);
                if (rabbit is not null)
                {
                    drivers.Add(rabbit);
                }
                else if (server is null && RabbitMqServer.FindServerScript() is not null)
                {
                    exitCode = 1; // installed but would not start: the engine-only table is still printed, but the run is not clean
                }
            }

            var rows = new List<BrokerResultRow>();
            foreach (var scenario in Scenarios(options))
            {
                var scenarioRows = await MeasureAsync(drivers, scenario, options, cancellationToken);
                exitCode = scenarioRows.All(r => r.Succeeded) ? exitCode : 1;
                rows.AddRange(scenarioRows);
            }

            PrintTable(rows);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine("Interrupted.");
            exitCode = 130;
        }
        finally
        {
            await BrokerCleanup.DisposeAllAsync(drivers, server);
        }

        Console.WriteLine();
        Console.WriteLine($"Total wall time: {total.Elapsed.TotalSeconds:0} s; load avg at the end: {LoadAverage()}");
        return exitCode;
    }

    private static IEnumerable<BrokerScenario> Scenarios(BrokerBenchmarkOptions options) =>
        from batch in BatchSizes
        from receivers in ReceiverCounts
        select new BrokerScenario(batch, receivers, Senders, BrokerScenario.RoundCount(options.MessagesFor(batch), Senders, batch));

    internal static async Task<(RabbitMqServer? Server, RabbitMqBrokerDriver? Driver)> StartRabbitMqAsync(CancellationToken cancellationToken)
    {
        var script = RabbitMqServer.FindServerScript();
        if (script is null)
        {
            Console.WriteLine("RabbitMQ is not installed (no rabbitmq-server found): running the embedded engine only.");
            Console.WriteLine("To compare, install it: apt-get install -y rabbitmq-server (Debian/Ubuntu).");
            Console.WriteLine();
            return (null, null);
        }

        var started = Stopwatch.StartNew();
        RabbitMqServer? server = null;
        try
        {
            server = await RabbitMqServer.StartAsync(script, cancellationToken);
            var driver = await RabbitMqBrokerDriver.ConnectAsync(server.AmqpPort, cancellationToken);
            Console.WriteLine($"RabbitMQ:  {driver.ServerVersion}, private node {RabbitMqServer.NodeName} on 127.0.0.1:{server.AmqpPort} ({script}), up in {started.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine();
            return (server, driver);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"RabbitMQ could not be started, running the embedded engine only: {error.Message}");
            Console.WriteLine();
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            return (null, null);
        }
    }

    /// <summary>
    /// Repetitions go round-robin over the brokers (engine, engine, RabbitMQ, engine, ...) so that a burst of other load
    /// on a shared machine lands on every broker alike instead of on one broker's whole block of runs.
    /// </summary>
    internal static async Task<List<BrokerResultRow>> MeasureAsync(IReadOnlyList<IBrokerDriver> drivers, BrokerScenario scenario, BrokerBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var runs = drivers.ToDictionary(d => d, _ => new List<BrokerRunResult>());
        var errors = new Dictionary<IBrokerDriver, string>();
        var warmUp = BrokerScenario.RoundCount(options.WarmUpMessagesFor(scenario.BatchSize), scenario.Senders, scenario.BatchSize);
        for (var rep = 0; rep <= options.Repetitions; rep++)
        {
            foreach (var driver in drivers.Where(d => !errors.ContainsKey(d)))
            {
                try
                {
                    if (rep == 0)
                    {
                        await driver.RunAsync(scenario, warmUp, cancellationToken);
                        continue;
                    }

                    // Collect the previous run's garbage now rather than during this measurement.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var run = await driver.RunAsync(scenario, scenario.MessageCount, cancellationToken);
                    runs[driver].Add(run);
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {scenario.Name,-24} {driver.Name,-28} run {rep}: {run.MessagesPerSecond,9:N0} msgs/s  p50 {Stats.Median(run.LatenciesMs),8:0.00} ms  p99 {Stats.Percentile(run.LatenciesMs, 99),8:0.00} ms  ({run.Messages:N0} msgs in {run.Elapsed.TotalSeconds:0.00} s)"));
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Console.WriteLine($"  {scenario.Name,-24} {driver.Name,-28} FAILED: {error.GetType().Name}: {error.Message}");
                    errors[driver] = error.Message;
                }
            }
        }

        return [.. drivers.Select(d => new BrokerResultRow(scenario, d.Name, d.IsEmbedded, runs[d], errors.GetValueOrDefault(d)))];
    }

    private static void PrintHeader(string[] args, BrokerBenchmarkOptions options)
    {
        Console.WriteLine("# Broker benchmark: embedded engine vs RabbitMQ");
        Console.WriteLine();
        Console.WriteLine($"Command:   dotnet run -c Release --no-build --project bench/AiWorkload.Bench -- broker{string.Concat(args.Select(a => " " + a))}");
        Console.WriteLine($"Machine:   {Environment.ProcessorCount} logical cores{CpuModel()}, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GB RAM");
        Console.WriteLine($"OS:        {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        Console.WriteLine($"Runtime:   {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"Temp dir:  {Path.GetTempPath()} (both brokers store their data there)");
        Console.WriteLine($"Load avg:  {LoadAverage()} at start (1/5/15 min; other work on the machine skews every broker's numbers)");
        Console.WriteLine();
        Console.WriteLine("Method:");
        Console.WriteLine($"- {BenchMessageBody.Size}-byte messages; every scenario has {Senders} concurrent sender tasks, each sending its share in calls of <batch> messages.");
        Console.WriteLine($"- {options.MessagesFor(1):N0} messages per run at batch 1, {options.MessagesFor(100):N0} at batch 100 (rounded to whole batches); a warm-up run of a quarter of that, then {options.Repetitions} measured runs per scenario and broker, taken round-robin across the brokers.");
        Console.WriteLine("- Embedded engine: SendAsync(<batch> messages); receivers loop ReceiveAsync(maxMessages: <batch>, PeekLock), then CompleteAsync each message (the <batch> completions issued together and awaited).");
        Console.WriteLine("  One engine per durability mode in a temp directory; Full = fsync per commit (the default), ProcessCrashSafe = synchronous=NORMAL. Group commit in both.");
        Console.WriteLine("- RabbitMQ: durable classic queue, persistent messages (DeliveryMode=Persistent), one channel per sender with publisher confirms and");
        Console.WriteLine("  confirmation tracking: batch 1 awaits each publish's confirm, batch N publishes N then awaits all N confirms.");
        Console.WriteLine("  One channel per receiver: AsyncEventingBasicConsumer, manual acks, BasicQos prefetch = <batch>, every message acked on its own (multiple: false).");
        Console.WriteLine("- Throughput: messages / (first send start .. last message settled); the table shows the median of the runs.");
        Console.WriteLine("- Latency: send start (timestamp in the body, taken before the send call of its batch) to the moment the receiver has the message");
        Console.WriteLine("  (ReceiveAsync returned / consumer callback entered); p50 and p99 pool every message of every measured run.");
        Console.WriteLine("- Backlog bound: senders run flat out but at most 2 x batch x max(senders, receivers) messages may be sent and not yet received");
        Console.WriteLine("  (the wait for that credit happens before the send timestamp). Latency is thus measured at full throughput with a bounded queue,");
        Console.WriteLine("  instead of growing with the run length when senders outpace receivers.");
        Console.WriteLine();
    }

    private static void PrintTable(IReadOnlyList<BrokerResultRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| scenario | broker | msgs/s (median) | p50 ms | p99 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row.Succeeded
                ? string.Create(CultureInfo.InvariantCulture, $"| {row.Scenario.Name} | {row.Broker} | {row.MedianMessagesPerSecond:N0} | {row.LatencyPercentileMs(50):0.00} | {row.LatencyPercentileMs(99):0.00} |")
                : $"| {row.Scenario.Name} | {row.Broker} | failed | – | – |");
        }

        Console.WriteLine();
        foreach (var scenario in rows.GroupBy(r => r.Scenario.Name))
        {
            var rabbit = scenario.FirstOrDefault(r => !r.IsEmbedded && r.Succeeded);
            if (rabbit is null)
            {
                continue;
            }

            var ratios = scenario.Where(r => r.IsEmbedded && r.Succeeded)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.MedianMessagesPerSecond / rabbit.MedianMessagesPerSecond:0.00}x {r.Broker}"));
            Console.WriteLine($"- {scenario.Key}: engine / RabbitMQ throughput = {string.Join(", ", ratios)}");
        }

        var redelivered = rows.Where(r => r.Redeliveries > 0).ToList();
        foreach (var row in redelivered)
        {
            Console.WriteLine($"Warning: {row.Broker} delivered {row.Redeliveries} message(s) twice in '{row.Scenario.Name}'.");
        }
    }

    internal static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(' ', File.ReadAllText(loadAverage).Split(' ').Take(3)) : "n/a";
    }

    /// <summary>The CPU model makes numbers from different machines comparable; Linux exposes it, elsewhere it is omitted.</summary>
    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return "";
        }

        var model = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? "" : $" ({model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()})";
    }
}
