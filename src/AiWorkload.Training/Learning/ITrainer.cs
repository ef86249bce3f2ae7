namespace AiWorkload.Training.Learning;

/// <summary>A way to turn a dataset into a model; the retraining service picks one by <see cref="Name"/>.</summary>
public interface ITrainer
{
    string Name { get; }

    bool Supports(ModelTask task);

    /// <summary>
    /// Splits <paramref name="data"/> into training and validation parts (see <see cref="DataSplit"/>), trains, and
    /// reports validation metrics. Cancellation surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<TrainingOutcome> TrainAsync(TabularDataset data, TrainingOptions options, CancellationToken cancellationToken);
}
