namespace AiWorkload.Contracts.Events;

/// <summary>Observed production performance of a model (or a drift score), reported by whoever monitors it.</summary>
public sealed record ModelMetricsReported(
    string EventId,
    string ModelId,
    string Metric,
    double Value,
    double? DriftScore,
    DateTimeOffset OccurredAt,
    string Trigger = WorkloadTriggers.ModelMetrics) : IWorkloadEvent;
