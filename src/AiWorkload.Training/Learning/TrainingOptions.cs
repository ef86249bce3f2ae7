namespace AiWorkload.Training.Learning;

/// <summary>
/// Knobs shared by every trainer. Trainers that have no use for one (the closed-form ridge solve has no
/// learning rate or epochs) ignore it rather than reject it, so one options object can drive any trainer.
/// </summary>
public sealed record TrainingOptions
{
    public static TrainingOptions Default { get; } = new();

    /// <summary>Drives the train/validation split and the per-epoch shuffles: same seed, same data, same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of rows held out for validation metrics and early stopping; exclusive range (0, 1).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Strength λ of the penalty (λ/2)·‖w‖² added to the mean loss; the bias is not penalised.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Adam step size for gradient-descent trainers.</summary>
    public double LearningRate { get; init; } = 0.05;

    public int MaxEpochs { get; init; } = 100;

    public int BatchSize { get; init; } = 256;

    /// <summary>Epochs without a validation-loss improvement of at least <see cref="EarlyStoppingMinDelta"/> before training stops.</summary>
    public int EarlyStoppingPatience { get; init; } = 5;

    public double EarlyStoppingMinDelta { get; init; } = 1e-4;

    /// <summary>
    /// Wall-clock limit. Built-in trainers check it between mini-batches and return the best model so far;
    /// external trainers are killed when it runs out, because their partial work cannot be used.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; }

    public void Validate()
    {
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must lie strictly between 0 and 1.");
        }

        if (!(L2 >= 0) || double.IsPositiveInfinity(L2))
        {
            throw new ArgumentOutOfRangeException(nameof(L2), L2, "L2 must be a finite number >= 0.");
        }

        if (!(LearningRate > 0) || double.IsPositiveInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a finite number > 0.");
        }

        if (MaxEpochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEpochs), MaxEpochs, "MaxEpochs must be at least 1.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        }

        if (EarlyStoppingPatience < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "EarlyStoppingPatience must be at least 1.");
        }

        if (!(EarlyStoppingMinDelta >= 0) || double.IsPositiveInfinity(EarlyStoppingMinDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingMinDelta), EarlyStoppingMinDelta, "EarlyStoppingMinDelta must be a finite number >= 0.");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "TimeBudget must be positive when set.");
        }
    }
}
