namespace AiWorkload.Catalog.Models;

/// <summary>A registered model: what it learns from, and the policies that govern its promotion and retraining.</summary>
public sealed record ModelDefinition(
    string ModelId,
    string Name,
    string DatasetId,
    TaskType Task,
    PromotionPolicy Promotion,
    DriftPolicy Drift,
    DateTimeOffset RegisteredAt,
    string Trainer = "builtin");
