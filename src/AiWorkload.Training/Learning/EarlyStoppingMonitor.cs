namespace AiWorkload.Training.Learning;

/// <summary>Watches validation loss per epoch and says when it has stopped improving for long enough.</summary>
internal sealed class EarlyStoppingMonitor(int patience, double minDelta)
{
    private int epochsWithoutImprovement;

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    public bool ShouldStop => epochsWithoutImprovement >= patience;

    /// <summary>Records an epoch's loss; true when it is a new best worth keeping.</summary>
    public bool Observe(double loss)
    {
        if (loss < BestLoss - minDelta)
        {
            BestLoss = loss;
            epochsWithoutImprovement = 0;
            return true;
        }

        epochsWithoutImprovement++;
        return false;
    }
}
