using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

/// <summary>A built-in style trainer whose fit fails numerically every time, counting how often it was run.</summary>
internal sealed class DivergingTrainer : ITrainer
{
    public const string TrainerName = "diverging";

    private int _runs;

    public string Name => TrainerName;

    public int Runs => Volatile.Read(ref _runs);

    public bool Supports(ModelTask task) => true;

    public Task<TrainingOutcome> TrainAsync(TabularDataset data, TrainingOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        throw new ArithmeticException("The loss became NaN at epoch 3.");
    }
}
