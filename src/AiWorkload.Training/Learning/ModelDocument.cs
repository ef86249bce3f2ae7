namespace AiWorkload.Training.Learning;

/// <summary>
/// The JSON shape of a <see cref="TrainedModel"/> artifact. Kept apart from the model so the stored format is an
/// explicit, versioned contract; weights are [output][feature] on standardized features.
/// </summary>
internal sealed record ModelDocument(
    int FormatVersion,
    string Task,
    string TrainerName,
    string[] FeatureNames,
    string LabelName,
    string[] ClassLabels,
    double[] Means,
    double[] Scales,
    double[][] Weights,
    double[] Bias);
