using System.Collections.Concurrent;
using System.Diagnostics;
using AiWorkload.Messaging.Telemetry;

namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>An in-process listener for the messaging ActivitySource (and the tests' own), collecting finished spans.</summary>
internal sealed class ActivityCollector : IDisposable
{
    public const string TestSourceName = "AiWorkload.Messaging.EndToEnd.Tests";

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly SemaphoreSlim _signal = new(0);

    public ActivityCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MessagingTelemetry.Name or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                _stopped.Enqueue(activity);
                _signal.Release();
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _stopped.Where(a => a.TraceId == traceId)];

    /// <summary>Waits until a finished span of <paramref name="traceId"/> matches; parallel tests' spans are in other traces.</summary>
    public async Task<Activity> WaitForAsync(ActivityTraceId traceId, Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (InTrace(traceId).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero || !await _signal.WaitAsync(remaining))
            {
                Assert.Fail($"No matching span in trace {traceId}; spans: {string.Join(", ", InTrace(traceId).Select(a => a.DisplayName))}");
            }
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _signal.Dispose();
    }
}
