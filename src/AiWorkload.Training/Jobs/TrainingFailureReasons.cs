namespace AiWorkload.Training.Jobs;

/// <summary>
/// Why a training job gave up: the dead-letter reason of its RetrainModel and the Reason of its TrainingFailed event,
/// so operators and the orchestrator can filter on them.
/// </summary>
public static class TrainingFailureReasons
{
    public const string UnknownModel = "UnknownModel";

    public const string UnknownDataset = "UnknownDataset";

    /// <summary>Fewer rows than Training:MinimumRows, or a single class to learn.</summary>
    public const string InsufficientData = "InsufficientData";

    /// <summary>The data does not fit the model: numeric task on categorical labels, unparsable labels, ragged rows.</summary>
    public const string SchemaMismatch = "SchemaMismatch";

    /// <summary>The model names a trainer that is not configured, or one that does not support its task.</summary>
    public const string UnknownTrainer = "UnknownTrainer";

    /// <summary>The promotion policy names a metric the model's task does not have.</summary>
    public const string InvalidPromotionPolicy = "InvalidPromotionPolicy";

    /// <summary>The trainer did not report the metric the promotion policy compares.</summary>
    public const string MetricNotReported = "MetricNotReported";

    /// <summary>
    /// A built-in trainer could not fit the data (a numerical failure). It repeats on the same pinned snapshot and seed,
    /// so the job is not retried; new or corrected data and a new request are the way on.
    /// </summary>
    public const string CannotFit = "CannotFit";

    /// <summary>An external trainer crashed, or broke its output contract; the detail ends with its stderr tail.</summary>
    public const string TrainerFailed = "TrainerFailed";

    /// <summary>An external trainer overran its time budget and was killed; the detail ends with its stderr tail.</summary>
    public const string TrainerTimedOut = "TrainerTimedOut";

    /// <summary>A transient failure persisted through every attempt of the retry policy.</summary>
    public const string RetriesExhausted = "RetriesExhausted";

    /// <summary>A failure that retrying cannot fix and that none of the reasons above describes.</summary>
    public const string Unprocessable = "Unprocessable";
}
