using System.Diagnostics;

namespace AiWorkload.Bench.Api;

/// <summary>
/// Closed-loop load: each client sends its next request as soon as it has read the previous response, for a fixed time.
/// Throughput is completed requests / the time the clients ran; latency is send start → response body read.
/// </summary>
internal static class ClosedLoopLoad
{
    public static async Task<ApiRunResult> RunAsync(HttpClient client, ApiRequest request, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients)
            .Select(_ => Task.Run(() => ClientAsync(client, request, stopAt, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var latencies = new List<double>(results.Sum(r => r.Latencies.Count));
        foreach (var result in results)
        {
            latencies.AddRange(result.Latencies);
        }

        return new ApiRunResult(
            latencies.Count,
            elapsed,
            latencies,
            results.Sum(r => r.Failures),
            results.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null));
    }

    private static async Task<(List<double> Latencies, int Failures, string? FirstFailure)> ClientAsync(
        HttpClient client, ApiRequest request, long stopAt, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(64 * 1024);
        var failures = 0;
        string? firstFailure = null;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var started = Stopwatch.GetTimestamp();
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if ((int)response.StatusCode == request.ExpectedStatus)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                continue;
            }

            failures++;
            firstFailure ??= $"{(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }

        return (latencies, failures, firstFailure);
    }
}
