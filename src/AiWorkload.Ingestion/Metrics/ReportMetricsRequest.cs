namespace AiWorkload.Ingestion.Metrics;

/// <summary>
/// An observation of a model in production: a metric value and optionally a drift score. <see cref="RequestRetraining"/>
/// sets the <c>trigger</c> to <c>model_training</c>, which the training subscription's SQL rule routes on.
/// </summary>
public sealed record ReportMetricsRequest(string? Metric, double? Value, double? DriftScore = null, bool? RequestRetraining = null, DateTimeOffset? ObservedAt = null);
