namespace AiWorkload.Catalog.Models;

/// <summary>One trained version: its metrics, the data and trainer it came from, timings, and where its artifact lives.</summary>
public sealed record ModelVersion(
    string ModelId,
    int Version,
    string JobId,
    string Trainer,
    long DataVersion,
    IReadOnlyDictionary<string, double> Metrics,
    string ArtifactKey,
    DateTimeOffset TrainedAt,
    double TrainingSeconds,
    VersionStatus Status,
    string? Decision);
