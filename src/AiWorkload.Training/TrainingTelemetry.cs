using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiWorkload.Training;

/// <summary>
/// Spans and metrics of the retraining service under the name <c>AiWorkload.Training</c>, which ServiceDefaults exports
/// with the other <c>AiWorkload.*</c> sources.
/// </summary>
public sealed class TrainingTelemetry : IDisposable
{
    public const string Name = "AiWorkload.Training";

    private readonly Counter<long> _jobs;
    private readonly Histogram<double> _duration;

    public TrainingTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(Name);
        _jobs = Meter.CreateCounter<long>("aiworkload.training.jobs", "{job}", "Training jobs finished, by outcome: promoted, rejected, failed.");
        _duration = Meter.CreateHistogram<double>("aiworkload.training.duration", "s", "Time spent in a trainer per run.");
    }

    public ActivitySource ActivitySource { get; } = new(Name);

    public Meter Meter { get; }

    public Activity? StartTraining(string modelId, string trainer, int rows)
    {
        var activity = ActivitySource.StartActivity($"train {modelId}", ActivityKind.Internal);
        activity?.SetTag("aiworkload.model.id", modelId);
        activity?.SetTag("aiworkload.training.trainer", trainer);
        activity?.SetTag("aiworkload.training.rows", rows);
        return activity;
    }

    public void RecordJob(string outcome) => _jobs.Add(1, new KeyValuePair<string, object?>("aiworkload.training.outcome", outcome));

    public void RecordDuration(string trainer, TimeSpan duration) =>
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("aiworkload.training.trainer", trainer));

    public void Dispose() => ActivitySource.Dispose();
}
