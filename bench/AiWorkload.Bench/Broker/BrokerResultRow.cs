namespace AiWorkload.Bench.Broker;

/// <summary>
/// One table row: the measured repetitions of one broker in one scenario. Throughput is the median of the per-run
/// rates; latency percentiles pool every message of every measured run, so p99 rests on thousands of samples.
/// </summary>
internal sealed record BrokerResultRow(BrokerScenario Scenario, string Broker, bool IsEmbedded, IReadOnlyList<BrokerRunResult> Runs, string? Error)
{
    public bool Succeeded => Error is null && Runs.Count > 0;

    public double MedianMessagesPerSecond => Stats.Median([.. Runs.Select(r => r.MessagesPerSecond)]);

    public double LatencyPercentileMs(double percentile) => Stats.Percentile([.. Runs.SelectMany(r => r.LatenciesMs)], percentile);

    public int Redeliveries => Runs.Sum(r => r.Redeliveries);
}
