using System.Globalization;
using System.Runtime.InteropServices;
using AiWorkload.Bench.Broker;

namespace AiWorkload.Bench.Api;

/// <summary>What the api suite prints: how it measured, the per-scenario tables and the issue's targets.</summary>
internal static class ApiReport
{
    public const string ProductHost = "product";
    public const string BaselineHost = "baseline";
    public const string CeilingHost = "ceiling";

    private const int TargetClients = 16;
    private const double TargetRatio = 0.5;
    private const double TargetP99Ms = 10;

    public static string PredictScenario(int clients) => $"predict, {clients} client{(clients == 1 ? "" : "s")}";

    public static string IngestScenario(int rows, int bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"ingest {rows:N0} CSV rows ({bytes / (1024.0 * 1024):0.0} MiB)");

    public static void PrintHeader(string[] args, ApiBenchmarkOptions options, string standaloneDll)
    {
        Console.WriteLine("# API benchmark: AiWorkload.Standalone over HTTP vs a plain minimal-API ceiling");
        Console.WriteLine();
        Console.WriteLine($"Command:   dotnet run -c Release --project bench/AiWorkload.Bench -- api{string.Concat(args.Select(a => " " + a))}");
        Console.WriteLine($"Machine:   {Environment.ProcessorCount} logical cores, load avg {BrokerBenchmarkSuite.LoadAverage()} at start (1/5/15 min)");
        Console.WriteLine($"Runtime:   {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC} (both hosts too)");
        Console.WriteLine($"Product:   {standaloneDll}");
        foreach (var (name, value) in options.ProductEnvironment)
        {
            Console.WriteLine($"           with {name}={value} (--product-env: not the shipped configuration)");
        }

        Console.WriteLine();
        Console.WriteLine("Method:");
        Console.WriteLine("- Both hosts are Release child processes on 127.0.0.1 (HTTP/1.1, Kestrel defaults from WebApplication.CreateBuilder,");
        Console.WriteLine("  Production environment, the product's log levels), so neither shares the load generator's thread pool or GC heap.");
        Console.WriteLine("- Product: AiWorkload.Standalone as shipped, with one API key (X-Api-Key on every request, scopes read+write) and a");
        Console.WriteLine("  per-key rate limit of int.MaxValue per 60 s: authentication, rate limiting and authorization all run; none refuses.");
        Console.WriteLine("- Ceiling: POST endpoints with no middleware; predict writes a fixed JSON body of the product's size, ingest reads the");
        Console.WriteLine("  whole body and writes a fixed JSON body. Both get the same request bytes and headers as the product.");
        Console.WriteLine($"- Predict: closed loop, N clients on one HttpClient (SocketsHttpHandler, MaxConnectionsPerServer {options.Clients.Max()}), each sending");
        Console.WriteLine($"  its next request when it has read the last response. Each host first gets {options.HostWarmUpSeconds} s of load at {options.Clients.Max()} clients (tiered JIT),");
        Console.WriteLine($"  then every row {options.WarmUpSeconds} s of warm-up per host and {options.Repetitions} runs of {options.Seconds} s");
        Console.WriteLine("  per host, taken in turn. Throughput: median of the runs. p50/p99: send start → body read, pooled over the runs.");
        Console.WriteLine("  CPU µs/req: the host process's user+system CPU time over a run ÷ its requests (median of the runs), the thread pool's");
        Console.WriteLine("  spinning on idle cores included, so it reads higher on a quiet machine than on a busy one.");
        Console.WriteLine($"- Ingest: one POST of {options.Rows:N0} generated rows with the walkthrough's churn schema (text/csv), a new Idempotency-Key each");
        Console.WriteLine($"  time; one warm-up upload per host, then {options.Repetitions} per host in turn; rows/s and wall time are medians.");
        Console.WriteLine();
    }

    public static void PrintTables(IReadOnlyList<ApiResultRow> rows, ApiBenchmarkOptions options)
    {
        var scenarios = rows.GroupBy(r => r.Scenario).Select(g => (Name: g.Key, Product: g.FirstOrDefault(r => r.Host == ProductHost), Ceiling: g.FirstOrDefault(r => r.Host == CeilingHost))).ToList();
        Console.WriteLine();
        Console.WriteLine("| scenario | product req/s | p50 ms | p99 ms | CPU µs/req | ceiling req/s | p50 ms | p99 ms | CPU µs/req | product ÷ ceiling |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, product, ceiling) in scenarios.Where(s => s.Name.StartsWith("predict", StringComparison.Ordinal)))
        {
            Console.WriteLine($"| {name} | {PredictCells(product)} | {PredictCells(ceiling)} | {Ratio(product, ceiling)} |");
        }

        var ingest = scenarios.Where(s => s.Name.StartsWith("ingest", StringComparison.Ordinal)).ToList();
        if (ingest.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| scenario | product rows/s | wall s | ceiling rows/s | wall s | product ÷ ceiling |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (name, product, ceiling) in ingest)
            {
                Console.WriteLine($"| {name} | {IngestCells(product)} | {IngestCells(ceiling)} | {Ratio(product, ceiling)} |");
            }
        }

        PrintBaseline(rows);
        Console.WriteLine();
        PrintTargets(scenarios.FirstOrDefault(s => s.Name == PredictScenario(TargetClients)), options);
    }

    /// <summary>Only with --baseline-dll: the earlier build beside this one, measured in turn in the same run.</summary>
    private static void PrintBaseline(IReadOnlyList<ApiResultRow> rows)
    {
        var pairs = rows.GroupBy(r => r.Scenario)
            .Select(g => (Name: g.Key, Baseline: g.FirstOrDefault(r => r.Host == BaselineHost), Product: g.FirstOrDefault(r => r.Host == ProductHost)))
            .Where(p => p.Baseline is not null)
            .ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | baseline /s | p50 ms | p99 ms | CPU µs/req | product /s | p50 ms | p99 ms | CPU µs/req | product ÷ baseline |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, baseline, product) in pairs)
        {
            Console.WriteLine($"| {name} | {PredictCells(baseline)} | {PredictCells(product)} | {Ratio(product, baseline)} |");
        }
    }

    private static void PrintTargets((string Name, ApiResultRow? Product, ApiResultRow? Ceiling) scenario, ApiBenchmarkOptions options)
    {
        if (scenario is not { Product.Succeeded: true, Ceiling.Succeeded: true } || !options.Clients.Contains(TargetClients))
        {
            Console.WriteLine($"Targets (predict at {TargetClients} clients): not measured.");
            return;
        }

        var ratio = scenario.Product.MedianPerSecond / scenario.Ceiling.MedianPerSecond;
        var p99 = scenario.Product.LatencyPercentileMs(99);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Targets (predict at {TargetClients} clients): throughput {ratio:0.00}x the ceiling (target ≥ {TargetRatio:0.00}x) {(ratio >= TargetRatio ? "MET" : "MISSED")}; p99 {p99:0.00} ms (target < {TargetP99Ms:0} ms) {(p99 < TargetP99Ms ? "MET" : "MISSED")}."));
    }

    private static string PredictCells(ApiResultRow? row) => row is { Succeeded: true }
        ? string.Create(CultureInfo.InvariantCulture, $"{row.MedianPerSecond:N0} | {row.LatencyPercentileMs(50):0.00} | {row.LatencyPercentileMs(99):0.00} | {row.MedianServerCpuMicroseconds:0}")
        : $"{(row is null ? "n/a" : "failed")} | – | – | –";

    private static string IngestCells(ApiResultRow? row) => row is { Succeeded: true }
        ? string.Create(CultureInfo.InvariantCulture, $"{row.MedianPerSecond:N0} | {row.MedianSeconds:0.000}")
        : $"{(row is null ? "n/a" : "failed")} | –";

    private static string Ratio(ApiResultRow? product, ApiResultRow? ceiling) => product is { Succeeded: true } && ceiling is { Succeeded: true }
        ? string.Create(CultureInfo.InvariantCulture, $"{product.MedianPerSecond / ceiling.MedianPerSecond:0.00}x")
        : "–";
}
