using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Delegates training to an external program (e.g. <c>python3 train.py</c>), so models the built-in trainers do
/// not cover can still flow through retraining, metrics and promotion. The contract, also in EXTERNAL_TRAINER.md:
/// <list type="number">
/// <item>Each run gets its own scratch directory holding the whole dataset (<c>AIW_DATASET</c>) and the seeded
/// train/validation split the built-in trainers would use (<c>AIW_TRAIN_DATASET</c>, <c>AIW_VALIDATION_DATASET</c>):
/// UTF-8 CSV, header row, feature columns in <c>AIW_FEATURES</c> order then the label column <c>AIW_LABEL</c>,
/// invariant-culture numbers.</item>
/// <item>Other variables: <c>AIW_WORK_DIR</c>, <c>AIW_TASK</c> (classification|regression), <c>AIW_CLASSES</c>
/// (comma-separated, index order; the second is the positive class), <c>AIW_SEED</c>, <c>AIW_VALIDATION_FRACTION</c>,
/// <c>AIW_L2</c>, <c>AIW_LEARNING_RATE</c>, <c>AIW_MAX_EPOCHS</c>, <c>AIW_BATCH_SIZE</c>,
/// <c>AIW_EARLY_STOPPING_PATIENCE</c>, <c>AIW_TIME_BUDGET_SECONDS</c> (empty when unlimited).</item>
/// <item>The program writes the model, as opaque non-empty bytes, to <c>AIW_ARTIFACT</c>, and a JSON object of
/// validation metrics to <c>AIW_METRICS</c>: classification requires <c>accuracy</c> and may add <c>f1</c>,
/// <c>roc_auc</c>, <c>log_loss</c>; regression requires <c>rmse</c> and may add <c>mae</c>, <c>r2</c>; an optional
/// <c>epochs</c> integer is reported as epochs run; other keys are ignored.</item>
/// <item>Exit code 0 means success; anything else fails the run with a <see cref="TrainingFailedException"/>
/// carrying the exit code and the last 20 lines (at most 4 KB) of stderr. Stdout is discarded.</item>
/// <item>When <see cref="TrainingOptions.TimeBudget"/> runs out, or the run is cancelled, the whole process tree is
/// killed; overruns fail with <see cref="TrainingFailedException.TimedOut"/> set, cancellations throw
/// <see cref="OperationCanceledException"/>.</item>
/// </list>
/// </summary>
public sealed class ExternalCommandTrainer : ITrainer
{
    private readonly ExternalTrainerOptions program;

    public ExternalCommandTrainer(ExternalTrainerOptions program)
    {
        ArgumentNullException.ThrowIfNull(program);
        program.Validate();
        this.program = program;
    }

    public string Name => program.Name;

    public bool Supports(ModelTask task) => program.SupportedTasks.Contains(task);

    public async Task<TrainingOutcome> TrainAsync(TabularDataset data, TrainingOptions options, CancellationToken cancellationToken)
    {
        TrainerInput.Validate(this, data, options);
        ExternalTrainerEnvironment.EnsureListable(data.FeatureNames, "feature names");
        ExternalTrainerEnvironment.EnsureListable(data.ClassLabels, "class labels");

        var clock = Stopwatch.StartNew();
        var split = DataSplit.Create(data, options.ValidationFraction, options.Seed);
        var scratch = Directory.CreateDirectory(Path.Combine(program.ScratchRoot ?? Path.GetTempPath(), $"aiw-train-{Guid.NewGuid():N}"));
        try
        {
            var files = new ExternalTrainerFiles(scratch.FullName);
            await Task.Run(() => WriteDatasets(data, split, files), cancellationToken);
            var result = await RunProgramAsync(data, options, files, clock, cancellationToken);
            if (result.TimedOut)
            {
                throw new TrainingFailedException(Name, $"the program exceeded its time budget of {Seconds(options.TimeBudget)} s and its process tree was killed.", timedOut: true, standardErrorTail: result.StandardErrorTail);
            }

            if (result.ExitCode != 0)
            {
                throw new TrainingFailedException(Name, $"the program exited with code {result.ExitCode}.", result.ExitCode, standardErrorTail: result.StandardErrorTail);
            }

            var (artifact, metrics, epochs) = ReadOutputs(data.Task, files, split.ValidationIndices.Count, result.StandardErrorTail);
            return new TrainingOutcome(
                Name,
                data.Task,
                new ModelArtifact(program.ArtifactContentType, artifact),
                metrics,
                split.TrainIndices.Count,
                split.ValidationIndices.Count,
                epochs,
                TrainingStopReason.ExternalProgramCompleted,
                clock.Elapsed);
        }
        finally
        {
            if (!program.KeepScratchDirectory)
            {
                TryDelete(scratch);
            }
        }
    }

    private async Task<ExternalProcessResult> RunProgramAsync(TabularDataset data, TrainingOptions options, ExternalTrainerFiles files, Stopwatch clock, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program.FileName) { WorkingDirectory = program.ProgramWorkingDirectory ?? files.Directory };
        foreach (var argument in program.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in program.Environment)
        {
            startInfo.Environment[name] = value;
        }

        ExternalTrainerEnvironment.Apply(startInfo, data, options, files);

        // Writing the CSVs counts against the budget too: the budget is for the whole run, not just the program.
        var remaining = options.TimeBudget - clock.Elapsed;
        if (remaining <= TimeSpan.Zero)
        {
            throw new TrainingFailedException(Name, $"the time budget of {Seconds(options.TimeBudget)} s ran out while writing the datasets, before the program started.", timedOut: true);
        }

        try
        {
            return await ExternalProcessRunner.RunAsync(startInfo, remaining, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new TrainingFailedException(Name, $"could not start '{program.FileName}': {e.Message}", innerException: e);
        }
    }

    private (byte[] Artifact, ModelMetrics Metrics, int Epochs) ReadOutputs(ModelTask task, ExternalTrainerFiles files, int validationRows, string standardErrorTail)
    {
        try
        {
            var artifact = File.Exists(files.Artifact) ? File.ReadAllBytes(files.Artifact) : [];
            if (artifact.Length == 0)
            {
                throw new InvalidDataException("the program exited with code 0 but wrote no artifact ($AIW_ARTIFACT is missing or empty).");
            }

            var (metrics, epochs) = ExternalMetricsFile.Read(files.Metrics, task, validationRows);
            return (artifact, metrics, epochs);
        }
        catch (InvalidDataException e)
        {
            throw new TrainingFailedException(Name, e.Message, exitCode: 0, standardErrorTail: standardErrorTail, innerException: e);
        }
    }

    private static string Seconds(TimeSpan? budget) => budget!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static void WriteDatasets(TabularDataset data, DataSplit split, ExternalTrainerFiles files)
    {
        WriteCsv(data, files.Dataset);
        WriteCsv(data.Subset(split.TrainIndices), files.TrainDataset);
        WriteCsv(data.Subset(split.ValidationIndices), files.ValidationDataset);
    }

    private static void WriteCsv(TabularDataset data, string path)
    {
        using var stream = File.Create(path);
        data.WriteCsv(stream);
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Scratch space in the temp directory; a leftover is harmless and must not mask the real outcome.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above: the program may have left read-only files behind.
        }
    }
}
