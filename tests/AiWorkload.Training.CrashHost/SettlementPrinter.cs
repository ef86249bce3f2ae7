using System.Diagnostics;

namespace AiWorkload.Training.CrashHost;

/// <summary>
/// Prints how each delivery from the retraining queue was settled, read from the port's process spans: a re-published
/// event is dropped by duplicate detection, so this is how the parent sees that a duplicate request was handled.
/// </summary>
internal sealed class SettlementPrinter : IDisposable
{
    private readonly ActivityListener _listener;

    public SettlementPrinter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AiWorkload.Messaging",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName == "process model-retraining")
                {
                    Console.WriteLine($"PROCESSED {activity.GetTagItem("messaging.message.id")} {activity.GetTagItem("messaging.servicebus.disposition_status")}");
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();
}
