using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Jobs;

/// <summary>A dataset snapshot ready for a trainer, with the data version it was pinned to and the rows it had to leave out.</summary>
public sealed record TrainingData(string DatasetId, long DataVersion, TabularDataset Dataset, ExcludedRows? Excluded = null);
