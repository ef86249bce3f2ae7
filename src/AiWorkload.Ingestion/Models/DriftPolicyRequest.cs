namespace AiWorkload.Ingestion.Models;

public sealed record DriftPolicyRequest(
    string? Metric = null,
    double? MaxDrop = null,
    double? DriftScoreThreshold = null,
    double? CoolDownSeconds = null,
    int? NewDataRows = null);
