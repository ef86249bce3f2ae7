namespace AiWorkload.Ingestion.Metrics;

public sealed record MetricsAccepted(string EventId, string ModelId, string Metric, double Value, double? DriftScore, string Trigger, DateTimeOffset ObservedAt);
