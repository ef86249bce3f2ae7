using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>An in-process MeterListener for one host's messaging Meter, so parallel tests never see each other's measurements.</summary>
internal sealed class MetricCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly SemaphoreSlim _recorded = new(0);

    public MetricCollector(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Reads the gauges now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public async Task<RecordedMeasurement> WaitForAsync(string instrument, Func<RecordedMeasurement, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Of(instrument).FirstOrDefault(m => match?.Invoke(m) ?? true) is { } found)
            {
                return found;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero || !await _recorded.WaitAsync(remaining))
            {
                Assert.Fail($"No matching {instrument} measurement; got {Of(instrument).Count}.");
            }
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _recorded.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
        _recorded.Release();
    }
}
