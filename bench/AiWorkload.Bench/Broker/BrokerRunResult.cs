namespace AiWorkload.Bench.Broker;

/// <summary>One repetition: how long the whole send → receive → settle pipeline took and each message's latency.</summary>
internal sealed record BrokerRunResult(int Messages, TimeSpan Elapsed, double[] LatenciesMs, int Redeliveries)
{
    public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;
}
