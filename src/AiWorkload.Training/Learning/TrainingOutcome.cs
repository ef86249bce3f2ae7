namespace AiWorkload.Training.Learning;

/// <summary>
/// The result of one training run. <see cref="Artifact"/> is always present and is what gets stored;
/// <see cref="Model"/> is the loaded form when the trainer is built in, and null for opaque external artifacts.
/// </summary>
public sealed record TrainingOutcome(
    string TrainerName,
    ModelTask Task,
    ModelArtifact Artifact,
    ModelMetrics ValidationMetrics,
    int TrainingRows,
    int ValidationRows,
    int EpochsRun,
    TrainingStopReason StopReason,
    TimeSpan Duration)
{
    public TrainedModel? Model { get; init; }

    public bool StoppedEarly => StopReason == TrainingStopReason.EarlyStopping;
}
