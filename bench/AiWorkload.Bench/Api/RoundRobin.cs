using System.Globalization;
using AiWorkload.Bench.Broker;

namespace AiWorkload.Bench.Api;

/// <summary>
/// A warm-up per host, then the measured runs taken in turn (product, ceiling, product, ...) so a burst of other load on a
/// shared machine lands on both hosts alike instead of on one host's whole block of runs.
/// </summary>
internal static class RoundRobin
{
    public static async Task<List<ApiResultRow>> MeasureAsync(string scenario, IReadOnlyList<ApiTarget> targets, int repetitions, string unit, CancellationToken cancellationToken)
    {
        var runs = targets.ToDictionary(t => t, _ => new List<ApiRunResult>());
        var errors = new Dictionary<ApiTarget, string>();
        for (var rep = 0; rep <= repetitions; rep++)
        {
            foreach (var target in targets.Where(t => !errors.ContainsKey(t)))
            {
                try
                {
                    // The previous run's garbage is collected now rather than in the middle of this one.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var cpuBefore = target.Process.CpuTime;
                    var run = await target.Run(rep == 0, cancellationToken);
                    run = run with { ServerCpu = target.Process.CpuTime - cpuBefore };
                    if (run.Failures > 0)
                    {
                        errors[target] = $"{run.Failures} failed request(s), first: {run.FirstFailure}";
                        Console.WriteLine($"  {scenario,-26} {target.Host,-10} run {rep}: FAILED: {errors[target]}");
                        continue;
                    }

                    if (rep == 0)
                    {
                        continue;
                    }

                    runs[target].Add(run);
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {scenario,-26} {target.Host,-10} run {rep}: {run.PerSecond,9:N0} {unit}/s  p50 {Stats.Median(run.LatenciesMs),8:0.00} ms  p99 {Stats.Percentile(run.LatenciesMs, 99),8:0.00} ms  server CPU {run.ServerCpuMicrosecondsPerRequest,7:0} µs/req  ({run.LatenciesMs.Count:N0} requests in {run.Elapsed.TotalSeconds:0.00} s; load {BrokerBenchmarkSuite.LoadAverage()})"));
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    errors[target] = $"{error.GetType().Name}: {error.Message}";
                    Console.WriteLine($"  {scenario,-26} {target.Host,-10} FAILED: {errors[target]}");
                }
            }
        }

        return [.. targets.Select(t => new ApiResultRow(scenario, t.Host, runs[t], errors.GetValueOrDefault(t)))];
    }
}
