using System.Diagnostics;

namespace AiWorkload.Bench.Broker;

/// <summary>
/// Shared by the senders and receivers of one run. Latencies land in a slot per message index, so concurrent
/// receivers record without locks and a second delivery of the same index is counted as a redelivery.
/// Senders take a credit per message and receivers give it back on first receipt: the backlog stays bounded, so
/// latency measures the broker at full throughput rather than how long the run lets a queue grow.
/// </summary>
internal sealed class RunTracker : IDisposable
{
    private readonly double[] _latenciesMs;
    private readonly SemaphoreSlim _credits;
    private readonly TaskCompletionSource<long> _settledAll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _settled;
    private int _redeliveries;
    private long _start;

    public RunTracker(int messageCount, int maxInFlight)
    {
        _latenciesMs = new double[messageCount];
        _credits = new SemaphoreSlim(maxInFlight);
    }

    /// <summary>Completes with the timestamp at which the last message was settled: the end of the measured interval.</summary>
    public Task<long> SettledAll => _settledAll.Task;

    /// <summary>
    /// Two batches per sender or receiver, whichever is more: every sender can have a batch in flight while every
    /// receiver finds a full batch waiting, so the bound costs no throughput. It is also at least senders × batch,
    /// so senders holding partial credit can never starve each other.
    /// </summary>
    public static int MaxInFlightFor(BrokerScenario scenario) =>
        2 * scenario.BatchSize * Math.Max(scenario.Senders, scenario.Receivers);

    public void Start() => _start = Stopwatch.GetTimestamp();

    /// <summary>Waits until <paramref name="messages"/> more may be sent without exceeding the backlog bound.</summary>
    public async Task AcquireAsync(int messages, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages; i++)
        {
            await _credits.WaitAsync(cancellationToken);
        }
    }

    public void Received(ReadOnlySpan<byte> body, long receivedTimestamp)
    {
        var index = BenchMessageBody.ReadIndex(body);
        var latency = Math.Max(BenchMessageBody.ElapsedMs(BenchMessageBody.ReadTimestamp(body), receivedTimestamp), double.Epsilon);
        if (Interlocked.CompareExchange(ref _latenciesMs[index], latency, 0.0) != 0.0)
        {
            Interlocked.Increment(ref _redeliveries);
            return;
        }

        _credits.Release();
    }

    public void Settled(int count)
    {
        if (Interlocked.Add(ref _settled, count) >= _latenciesMs.Length)
        {
            _settledAll.TrySetResult(Stopwatch.GetTimestamp());
        }
    }

    public void Fail(Exception error) => _settledAll.TrySetException(error);

    /// <summary>Waits for the last settlement; a run that stalls fails instead of hanging the suite.</summary>
    public async Task<BrokerRunResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        long end;
        try
        {
            end = await SettledAll.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {Volatile.Read(ref _settled)} of {_latenciesMs.Length} messages were settled within {timeout.TotalSeconds:0}s.");
        }

        return new BrokerRunResult(_latenciesMs.Length, Stopwatch.GetElapsedTime(_start, end), _latenciesMs, Volatile.Read(ref _redeliveries));
    }

    public void Dispose() => _credits.Dispose();

    /// <summary>Generous (a broker would have to fall below ~200 msgs/s to hit it) yet bounded, so the suite always ends.</summary>
    public static TimeSpan TimeoutFor(int messageCount) => TimeSpan.FromSeconds(30 + (messageCount / 200));
}
