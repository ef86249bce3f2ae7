using System.Diagnostics.Metrics;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

/// <summary>Counts lock renewals of one host's messaging meter, ignoring hosts of tests running alongside.</summary>
internal sealed class RenewalCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _count;

    public RenewalCounter(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter && instrument.Name == "aiworkload.messaging.lock_renewals")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _count));
        _listener.Start();
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
