using System.Diagnostics;
using System.Globalization;

namespace AiWorkload.Training.Learning;

/// <summary>The environment variables through which an external training program learns what to do (EXTERNAL_TRAINER.md).</summary>
public static class ExternalTrainerEnvironment
{
    public const string WorkDirectory = "AIW_WORK_DIR";
    public const string Dataset = "AIW_DATASET";
    public const string TrainDataset = "AIW_TRAIN_DATASET";
    public const string ValidationDataset = "AIW_VALIDATION_DATASET";
    public const string Artifact = "AIW_ARTIFACT";
    public const string Metrics = "AIW_METRICS";
    public const string Task = "AIW_TASK";
    public const string Features = "AIW_FEATURES";
    public const string Label = "AIW_LABEL";
    public const string Classes = "AIW_CLASSES";
    public const string Seed = "AIW_SEED";
    public const string ValidationFraction = "AIW_VALIDATION_FRACTION";
    public const string L2 = "AIW_L2";
    public const string LearningRate = "AIW_LEARNING_RATE";
    public const string MaxEpochs = "AIW_MAX_EPOCHS";
    public const string BatchSize = "AIW_BATCH_SIZE";
    public const string EarlyStoppingPatience = "AIW_EARLY_STOPPING_PATIENCE";
    public const string TimeBudgetSeconds = "AIW_TIME_BUDGET_SECONDS";

    internal static void Apply(ProcessStartInfo startInfo, TabularDataset data, TrainingOptions options, ExternalTrainerFiles files)
    {
        var environment = startInfo.Environment;
        environment[WorkDirectory] = files.Directory;
        environment[Dataset] = files.Dataset;
        environment[TrainDataset] = files.TrainDataset;
        environment[ValidationDataset] = files.ValidationDataset;
        environment[Artifact] = files.Artifact;
        environment[Metrics] = files.Metrics;
        environment[Task] = data.Task.ToWireName();
        environment[Features] = string.Join(',', data.FeatureNames);
        environment[Label] = data.LabelName;
        environment[Classes] = string.Join(',', data.ClassLabels);
        environment[Seed] = Text(options.Seed);
        environment[ValidationFraction] = Text(options.ValidationFraction);
        environment[L2] = Text(options.L2);
        environment[LearningRate] = Text(options.LearningRate);
        environment[MaxEpochs] = Text(options.MaxEpochs);
        environment[BatchSize] = Text(options.BatchSize);
        environment[EarlyStoppingPatience] = Text(options.EarlyStoppingPatience);
        environment[TimeBudgetSeconds] = options.TimeBudget is { } budget ? Text(budget.TotalSeconds) : string.Empty;
    }

    /// <summary>Lists go into comma-separated variables, so their items must not contain separators.</summary>
    internal static void EnsureListable(IEnumerable<string> items, string what)
    {
        var bad = items.FirstOrDefault(item => item.AsSpan().IndexOfAny(",\r\n") >= 0);
        if (bad is not null)
        {
            throw new ArgumentException($"External trainers receive {what} as a comma-separated list, so '{bad}' (which contains a comma or line break) cannot be passed.");
        }
    }

    private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
