namespace AiWorkload.Ingestion.Models;

/// <summary>One trained version; <see cref="Status"/> is candidate, promoted, rejected or retired.</summary>
public sealed record ModelVersionResponse(
    int Version,
    string JobId,
    string Trainer,
    long DataVersion,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset TrainedAt,
    double TrainingSeconds,
    string Status,
    string? Decision);
