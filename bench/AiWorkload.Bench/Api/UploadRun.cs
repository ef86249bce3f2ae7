using System.Diagnostics;

namespace AiWorkload.Bench.Api;

/// <summary>One large upload, timed from send start to the response body read; the rate counts the rows it carried.</summary>
internal static class UploadRun
{
    public static async Task<ApiRunResult> RunAsync(HttpClient client, ApiRequest request, int rows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (int)response.StatusCode == request.ExpectedStatus
            ? new ApiRunResult(rows, elapsed, [elapsed.TotalMilliseconds], 0, null)
            : new ApiRunResult(0, elapsed, [], 1, $"{(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
