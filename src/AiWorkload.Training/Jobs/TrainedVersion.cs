using AiWorkload.Catalog.Models;

namespace AiWorkload.Training.Jobs;

/// <summary>A version just recorded, with the data it was trained on, which promotion re-uses instead of reading it again.</summary>
public sealed record TrainedVersion(ModelVersion Version, TrainingData Data);
