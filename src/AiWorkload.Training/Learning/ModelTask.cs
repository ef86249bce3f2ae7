namespace AiWorkload.Training.Learning;

/// <summary>
/// What a model predicts. Binary versus multiclass is not a separate task: it follows from how many
/// distinct labels the training data holds, so the same trainer serves both.
/// </summary>
public enum ModelTask
{
    Classification,
    Regression,
}
