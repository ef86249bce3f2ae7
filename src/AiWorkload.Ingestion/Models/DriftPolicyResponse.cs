namespace AiWorkload.Ingestion.Models;

public sealed record DriftPolicyResponse(string Metric, double MaxDrop, double DriftScoreThreshold, double CoolDownSeconds, int NewDataRows);
