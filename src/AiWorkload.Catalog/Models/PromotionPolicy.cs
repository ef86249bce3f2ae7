namespace AiWorkload.Catalog.Models;

/// <summary>Promote a candidate only if its primary metric beats the promoted version's by at least <see cref="MinimumImprovement"/>.</summary>
public sealed record PromotionPolicy(string PrimaryMetric, double MinimumImprovement = 0.0);
