namespace AiWorkload.Ingestion.Models;

public sealed record PromotionPolicyResponse(string PrimaryMetric, double MinimumImprovement);
