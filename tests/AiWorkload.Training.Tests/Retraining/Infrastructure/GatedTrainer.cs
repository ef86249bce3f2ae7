using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

/// <summary>
/// The built-in trainers behind a gate the test opens: a job that lasts exactly as long as the test wants, and a count
/// of how often a job really trained.
/// </summary>
internal sealed class GatedTrainer : ITrainer
{
    public const string TrainerName = "gated";

    private int _runs;

    public string Name => TrainerName;

    public int Runs => Volatile.Read(ref _runs);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Supports(ModelTask task) => true;

    public async Task<TrainingOutcome> TrainAsync(TabularDataset data, TrainingOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        Started.TrySetResult();
        await Release.Task.WaitAsync(cancellationToken);
        ITrainer inner = data.Task == ModelTask.Classification ? new LogisticRegressionTrainer() : new LinearRegressionTrainer();
        return await inner.TrainAsync(data, options, cancellationToken);
    }
}
