namespace AiWorkload.Bench.Api;

/// <summary>One measured run against one host: how many requests (or, for ingest, rows) completed, how long the run took and each request's latency.</summary>
internal sealed record ApiRunResult(int Completed, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, int Failures, string? FirstFailure)
{
    /// <summary>CPU the host process used during the run; zero until <see cref="RoundRobin"/> measures it.</summary>
    public TimeSpan ServerCpu { get; init; }

    /// <summary>Server CPU per request in microseconds, the thread pool's spinning on idle cores included.</summary>
    public double ServerCpuMicrosecondsPerRequest => LatenciesMs.Count == 0 ? double.NaN : ServerCpu.TotalMicroseconds / LatenciesMs.Count;

    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
