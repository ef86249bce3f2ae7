namespace AiWorkload.Ingestion.Models;

public sealed record PromotionPolicyRequest(string? PrimaryMetric = null, double? MinimumImprovement = null);
