namespace AiWorkload.Ingestion.Models;

/// <summary>
/// Registers a model. Only <see cref="Name"/> (or <see cref="Id"/>), <see cref="Task"/> and the dataset are required; the
/// policies default to sensible values for the task. A new dataset needs its schema; an existing one only its id.
/// </summary>
public sealed record RegisterModelRequest(
    string? Name,
    string? Task,
    DatasetSchemaRequest? Dataset,
    string? Id = null,
    PromotionPolicyRequest? Promotion = null,
    DriftPolicyRequest? Drift = null,
    string? Trainer = null);
