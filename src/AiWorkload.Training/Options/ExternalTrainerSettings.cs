using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Options;

/// <summary>One external trainer from configuration; see Learning/EXTERNAL_TRAINER.md for the program's contract.</summary>
public sealed class ExternalTrainerSettings
{
    /// <summary>The program, e.g. <c>python3</c> or an absolute path; resolved through PATH.</summary>
    public string? Command { get; set; }

    /// <summary>Passed as-is, without shell parsing (<c>Arguments:0</c>, <c>Arguments:1</c>, ...).</summary>
    public List<string> Arguments { get; } = [];

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The program is killed when this runs out and the job fails with TrainerTimedOut. Null takes Training:TimeBudget.</summary>
    public TimeSpan? TimeBudget { get; set; }

    public string? ArtifactContentType { get; set; }

    public string? WorkingDirectory { get; set; }

    /// <summary>Empty for both tasks.</summary>
    public List<ModelTask> Tasks { get; } = [];

    public ExternalTrainerOptions ToTrainerOptions(string name) => new()
    {
        Name = name,
        FileName = Command ?? throw new InvalidOperationException($"Training:ExternalTrainers:{name}:Command is not set."),
        Arguments = [.. Arguments],
        Environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal),
        SupportedTasks = Tasks.Count == 0 ? [ModelTask.Classification, ModelTask.Regression] : [.. Tasks],
        ArtifactContentType = ArtifactContentType ?? "application/octet-stream",
        ProgramWorkingDirectory = WorkingDirectory,
    };
}
