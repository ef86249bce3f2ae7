namespace AiWorkload.Catalog.Models;

/// <summary>What the retraining service records after a job; the catalog assigns the version number.</summary>
public sealed record NewModelVersion(
    string ModelId,
    string JobId,
    string Trainer,
    long DataVersion,
    IReadOnlyDictionary<string, double> Metrics,
    string ArtifactKey,
    DateTimeOffset TrainedAt,
    double TrainingSeconds);
