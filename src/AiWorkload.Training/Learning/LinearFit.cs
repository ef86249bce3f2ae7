namespace AiWorkload.Training.Learning;

/// <summary>Weights ([output][feature], standardized space) and biases found by an optimiser, with how it stopped.</summary>
internal sealed record LinearFit(double[][] Weights, double[] Bias, int EpochsRun, TrainingStopReason StopReason);
