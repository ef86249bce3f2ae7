using AiWorkload.Ingestion.Datasets;

namespace AiWorkload.Ingestion.Models;

public sealed record ModelResponse(
    string Id,
    string Name,
    string Task,
    string Trainer,
    DatasetResponse Dataset,
    PromotionPolicyResponse Promotion,
    DriftPolicyResponse Drift,
    DateTimeOffset RegisteredAt,
    int? PromotedVersion,
    IReadOnlyList<ModelVersionResponse> Versions);
