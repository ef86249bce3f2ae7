using System.Diagnostics;
using System.Globalization;
using AiWorkload.Bench.Broker;

namespace AiWorkload.Bench.Amqp;

/// <summary>
/// The Service Bus SDK through the engine's AMQP face against RabbitMQ.Client against RabbitMQ, on the broker suite's
/// load (durable, 1 KB, awaited sends = confirms, peek-lock + complete = manual acks), plus the host process's start time and idle RSS.
/// </summary>
public sealed class AmqpBenchmarkSuite : IBenchmarkSuite
{
    private const int Senders = 4;
    private const int ManyClients = 64;

    public string Name => "amqp";

    public string Description => "Service Bus SDK via the AMQP face vs RabbitMQ.Client/RabbitMQ, plus host start time and idle RSS";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = AmqpBenchmarkOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        var total = Stopwatch.StartNew();
        Console.WriteLine("# AMQP benchmark: Service Bus SDK → AMQP face vs RabbitMQ.Client → RabbitMQ");
        Console.WriteLine();
        Console.WriteLine($"Command:   dotnet run -c Release --project bench/AiWorkload.Bench -- amqp{string.Concat(args.Select(a => " " + a))}");
        Console.WriteLine($"Machine:   {Environment.ProcessorCount} logical cores, load avg {BrokerBenchmarkSuite.LoadAverage()} at start; {options.Repetitions} measured runs per row after one warm-up.");
        Console.WriteLine();

        var exitCode = 0;
        var face = new AmqpFaceBrokerDriver();
        var drivers = new List<IBrokerDriver> { face };
        RabbitMqServer? server = null;
        var rows = new List<BrokerResultRow>();
        (List<double> StartMs, long IdleRssKiB)? host = null;
        string? hostError = null;
        try
        {
            if (!options.SkipHost)
            {
                (host, hostError) = await MeasureHostAsync(options, cancellationToken);
                exitCode = hostError is null ? 0 : 1;
            }

            (server, var rabbit) = await BrokerBenchmarkSuite.StartRabbitMqAsync(cancellationToken);
            if (rabbit is not null)
            {
                drivers.Add(rabbit);
            }
            else
            {
                exitCode = 1;
            }

            foreach (var scenario in Scenarios(options))
            {
                var perScenario = new BrokerBenchmarkOptions { Count = scenario.MessageCount, RepetitionsOverride = options.Repetitions };
                var scenarioRows = await BrokerBenchmarkSuite.MeasureAsync(drivers, scenario, perScenario, cancellationToken);
                exitCode = scenarioRows.All(r => r.Succeeded) ? exitCode : 1;
                rows.AddRange(scenarioRows);
            }
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

        PrintTable(rows);
        if (host is { } measured)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"AiWorkload.ServiceBus (Release) start → AMQP port accepting: median {Stats.Median(measured.StartMs):0} ms over {measured.StartMs.Count} starts ({string.Join(", ", measured.StartMs.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms)"));
            Console.WriteLine($"AiWorkload.ServiceBus idle RSS (VmRSS 3 s after start, one idle SDK connection): {measured.IdleRssKiB / 1024.0:0.0} MiB");
        }
        else if (hostError is not null)
        {
            Console.WriteLine($"AiWorkload.ServiceBus host measurement failed: {hostError}");
        }

        Console.WriteLine($"Total wall time: {total.Elapsed.TotalSeconds:0} s");
        return exitCode;
    }

    private static IEnumerable<BrokerScenario> Scenarios(AmqpBenchmarkOptions options)
    {
        yield return new BrokerScenario(1, 1, Senders, BrokerScenario.RoundCount(options.MessagesFor(1), Senders, 1));
        yield return new BrokerScenario(1, 4, Senders, BrokerScenario.RoundCount(options.MessagesFor(1), Senders, 1));
        yield return new BrokerScenario(100, 1, Senders, BrokerScenario.RoundCount(options.MessagesFor(100), Senders, 100));
        yield return new BrokerScenario(1, 4, ManyClients, BrokerScenario.RoundCount(options.MessagesFor(1), ManyClients, 1)) { ConnectionPerSender = true };
    }

    private static async Task<((List<double>, long)? Result, string? Error)> MeasureHostAsync(AmqpBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var dll = HostStartupProbe.FindHostDll();
        if (dll is null)
        {
            return (null, "AiWorkload.ServiceBus/bin/Release/net10.0/AiWorkload.ServiceBus.dll not found; run dotnet build -c Release AiWorkload.ServiceBus");
        }

        try
        {
            var result = await HostStartupProbe.MeasureAsync(dll, options.Starts, cancellationToken);
            Console.WriteLine($"Host start times measured ({dll}).");
            return (result, null);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"{error.GetType().Name}: {error.Message}");
        }
    }

    private static void PrintTable(IReadOnlyList<BrokerResultRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| scenario | SDK→AMQP face msgs/s | p50 ms | p99 ms | RabbitMQ msgs/s | p50 ms | p99 ms | face ÷ RabbitMQ |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in rows.GroupBy(r => r.Scenario.Name))
        {
            var face = scenario.FirstOrDefault(r => r.IsEmbedded);
            var rabbit = scenario.FirstOrDefault(r => !r.IsEmbedded);
            var ratio = face is { Succeeded: true } && rabbit is { Succeeded: true }
                ? (face.MedianMessagesPerSecond / rabbit.MedianMessagesPerSecond).ToString("0.00", CultureInfo.InvariantCulture) + "x"
                : "–";
            Console.WriteLine($"| {scenario.Key} | {Cells(face)} | {Cells(rabbit)} | {ratio} |");
        }

        foreach (var row in rows.Where(r => r.Redeliveries > 0))
        {
            Console.WriteLine($"Warning: {row.Broker} delivered {row.Redeliveries} message(s) twice in '{row.Scenario.Name}'.");
        }

        Console.WriteLine();
    }

    private static string Cells(BrokerResultRow? row) => row is { Succeeded: true }
        ? string.Create(CultureInfo.InvariantCulture, $"{row.MedianMessagesPerSecond:N0} | {row.LatencyPercentileMs(50):0.00} | {row.LatencyPercentileMs(99):0.00}")
        : $"{(row is null ? "n/a" : "failed")} | – | –";
}
