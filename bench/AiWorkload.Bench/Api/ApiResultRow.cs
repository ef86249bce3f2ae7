namespace AiWorkload.Bench.Api;

/// <summary>
/// The measured runs of one host in one scenario. Throughput is the median of the per-run rates; latency percentiles
/// pool every request of every measured run, as the broker suite does, so p99 rests on thousands of samples.
/// </summary>
internal sealed record ApiResultRow(string Scenario, string Host, IReadOnlyList<ApiRunResult> Runs, string? Error)
{
    public bool Succeeded => Error is null && Runs.Count > 0;

    public double MedianPerSecond => Stats.Median([.. Runs.Select(r => r.PerSecond)]);

    public double MedianSeconds => Stats.Median([.. Runs.Select(r => r.Elapsed.TotalSeconds)]);

    public double MedianServerCpuMicroseconds => Stats.Median([.. Runs.Select(r => r.ServerCpuMicrosecondsPerRequest)]);

    public double LatencyPercentileMs(double percentile) => Stats.Percentile([.. Runs.SelectMany(r => r.LatenciesMs)], percentile);
}
