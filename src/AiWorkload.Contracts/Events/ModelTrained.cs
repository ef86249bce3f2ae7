namespace AiWorkload.Contracts.Events;

/// <summary>
/// A new model version exists, with its validation metrics; promotion is decided separately. <see cref="ArtifactKey"/> is
/// the claim check for the model's bytes in the artifact store: messages never carry the artifact itself.
/// </summary>
public sealed record ModelTrained(
    string EventId,
    string JobId,
    string ModelId,
    int Version,
    string Trainer,
    long DataVersion,
    IReadOnlyDictionary<string, double> Metrics,
    string PrimaryMetric,
    DateTimeOffset OccurredAt,
    string? RunId = null,
    string? ArtifactKey = null) : IWorkloadEvent;
