namespace AiWorkload.Bench.Api;

/// <summary>
/// One host's side of a scenario: <paramref name="Run"/> makes one run, a short one when its argument says warm-up;
/// <paramref name="Process"/> is the host, whose CPU time is read around each run.
/// </summary>
internal sealed record ApiTarget(string Host, WebHostProcess Process, Func<bool, CancellationToken, Task<ApiRunResult>> Run);
