using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiWorkload.Bench.Broker;

namespace AiWorkload.Bench.Api;

/// <summary>
/// The product's HTTP API against the machine's ceiling in the same run: predict throughput and latency at several
/// concurrencies, and one 100,000-row CSV ingest, each beside a plain minimal-API endpoint hosted the same way.
/// </summary>
public sealed class ApiBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "api";

    public string Description => "predict (1/16/64 clients) and 100k-row CSV ingest over HTTP vs a plain minimal-API ceiling";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = ApiBenchmarkOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        if (options.ServeCeiling)
        {
            return await CeilingHost.RunAsync(options.Urls ?? "http://127.0.0.1:0", cancellationToken);
        }

        var standalone = options.ProductDll ?? ApiHosts.FindStandaloneDll();
        var churnCsv = ProductSetup.FindChurnCsv();
        var missing = standalone is null
            ? "AiWorkload.Standalone/bin/Release/net10.0/AiWorkload.Standalone.dll not found; run dotnet build -c Release AiWorkload.Standalone"
            : new[] { standalone, options.BaselineDll }.FirstOrDefault(dll => dll is not null && !File.Exists(dll)) is { } absent
                ? $"{absent} not found"
                : churnCsv is null ? "samples/churn.csv not found above the bench's output folder" : null;
        if (missing is not null)
        {
            Console.Error.WriteLine($"api: {missing}.");
            return 1;
        }

        var total = Stopwatch.StartNew();
        ApiReport.PrintHeader(args, options, standalone!);
        var rows = new List<ApiResultRow>();
        var exitCode = 0;
        try
        {
            await using var hosts = await ApiHosts.StartAsync(standalone!, options, cancellationToken);
            foreach (var host in hosts.Products.Append(hosts.Ceiling))
            {
                Console.WriteLine($"{host.Name,-9} pid {host.Process.ProcessId} at {host.Process.BaseAddress}");
            }

            foreach (var product in hosts.Products)
            {
                var training = await new ProductSetup(product.Client, hosts.ApiKey).RunAsync(churnCsv!, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{product.Name}: model registered, samples/churn.csv ingested, v1 trained and predicting after {training.TotalSeconds:0.0} s."));
            }

            await WarmUpAsync(hosts, options, cancellationToken);
            Console.WriteLine();
            foreach (var clients in options.Clients)
            {
                rows.AddRange(await MeasurePredictAsync(hosts, clients, options, cancellationToken));
            }

            if (!options.SkipIngest)
            {
                rows.AddRange(await MeasureIngestAsync(hosts, options, cancellationToken));
            }

            exitCode = rows.All(r => r.Succeeded) ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine("Interrupted.");
            exitCode = 130;
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            Console.WriteLine($"api: {error.Message}");
            exitCode = 1;
        }

        ApiReport.PrintTables(rows, options);
        Console.WriteLine($"Total wall time: {total.Elapsed.TotalSeconds:0} s; load avg at the end: {BrokerBenchmarkSuite.LoadAverage()}");
        return exitCode;
    }

    private static async Task WarmUpAsync(ApiHosts hosts, ApiBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(ProductSetup.PredictBody);
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = hosts.ApiKey };
        foreach (var host in hosts.Products.Append(hosts.Ceiling))
        {
            var path = ReferenceEquals(host, hosts.Ceiling) ? CeilingHost.PredictPath : $"api/models/{ProductSetup.ModelId}/predict";
            var request = new ApiRequest(new Uri(host.Process.BaseAddress, path), body, "application/json", 200, headers);
            var cpuBefore = host.Process.CpuTime;
            var run = await ClosedLoopLoad.RunAsync(host.Client, request, options.Clients.Max(), TimeSpan.FromSeconds(options.HostWarmUpSeconds), cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{host.Name}: warmed up for {options.HostWarmUpSeconds} s at {options.Clients.Max()} clients, {run.PerSecond:N0} req/s, server CPU {(host.Process.CpuTime - cpuBefore).TotalMicroseconds / Math.Max(1, run.Completed):0} µs/req{(run.Failures > 0 ? $", {run.Failures} failed: {run.FirstFailure}" : "")}"));
        }
    }

    private static Task<List<ApiResultRow>> MeasurePredictAsync(ApiHosts hosts, int clients, ApiBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(ProductSetup.PredictBody);
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = hosts.ApiKey };
        TimeSpan Length(bool warmUp) => TimeSpan.FromSeconds(warmUp ? options.WarmUpSeconds : options.Seconds);
        ApiTarget Target(ApiHost host, string path)
        {
            var request = new ApiRequest(new Uri(host.Process.BaseAddress, path), body, "application/json", 200, headers);
            return new ApiTarget(host.Name, host.Process, (warmUp, ct) => ClosedLoopLoad.RunAsync(host.Client, request, clients, Length(warmUp), ct));
        }

        return RoundRobin.MeasureAsync(
            ApiReport.PredictScenario(clients),
            [.. hosts.Products.Select(p => Target(p, $"api/models/{ProductSetup.ModelId}/predict")), Target(hosts.Ceiling, CeilingHost.PredictPath)],
            options.Repetitions,
            "req",
            cancellationToken);
    }

    private static Task<List<ApiResultRow>> MeasureIngestAsync(ApiHosts hosts, ApiBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var batch = 0;

        // The product stores a batch's rows once, whatever key they come with, so every upload carries rows of its own
        // (another seed), generated before the clock starts; the Idempotency-Key is new each time too.
        ApiTarget Target(ApiHost host, string path) => new(host.Name, host.Process, (_, ct) =>
        {
            var seed = Interlocked.Increment(ref batch);
            var request = new ApiRequest(new Uri(host.Process.BaseAddress, path), ChurnCsv.Generate(options.Rows, seed), "text/csv", 201, new Dictionary<string, string>
            {
                ["X-Api-Key"] = hosts.ApiKey,
                ["Idempotency-Key"] = $"bench-ingest-{seed}",
            });
            return UploadRun.RunAsync(host.Client, request, options.Rows, ct);
        });

        return RoundRobin.MeasureAsync(
            ApiReport.IngestScenario(options.Rows, ChurnCsv.Generate(options.Rows).Length),
            [.. hosts.Products.Select(p => Target(p, $"api/datasets/{ProductSetup.IngestDatasetId}/batches")), Target(hosts.Ceiling, CeilingHost.IngestPath)],
            options.Repetitions,
            "rows",
            cancellationToken);
    }
}
