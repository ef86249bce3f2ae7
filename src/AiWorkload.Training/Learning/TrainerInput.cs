namespace AiWorkload.Training.Learning;

/// <summary>Argument checks every trainer runs before spending time on a dataset.</summary>
internal static class TrainerInput
{
    public static void Validate(ITrainer trainer, TabularDataset data, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!trainer.Supports(data.Task))
        {
            throw new ArgumentException($"Trainer '{trainer.Name}' does not support {data.Task.ToWireName()}.", nameof(data));
        }

        if (data.Task == ModelTask.Classification && data.ClassLabels.Count < 2)
        {
            throw new ArgumentException($"Classification needs at least two classes; the data has [{string.Join(", ", data.ClassLabels)}].", nameof(data));
        }
    }
}
