namespace AiWorkload.Training.Jobs;

/// <summary>
/// A finished job's decision, stored with the version's status in one catalog transaction. A redelivered or duplicate
/// request re-publishes its events from this record, so they carry the same numbers and times as the first time.
/// <see cref="Excluded"/> counts the snapshot's rows the version was trained without, and why.
/// </summary>
public sealed record JobOutcome(
    int Version,
    bool Promoted,
    string Metric,
    double Value,
    int? BaselineVersion,
    double? BaselineValue,
    string Decision,
    DateTimeOffset DecidedAt,
    ExcludedRows? Excluded = null);
