namespace AiWorkload.Training.Learning;

/// <summary>Which program an <see cref="ExternalCommandTrainer"/> runs and how; see EXTERNAL_TRAINER.md for the contract.</summary>
public sealed record ExternalTrainerOptions
{
    /// <summary>The trainer name reported in outcomes and errors, e.g. "xgboost-python".</summary>
    public required string Name { get; init; }

    /// <summary>The program to run, e.g. "python3" or an absolute path; resolved through PATH like a shell would.</summary>
    public required string FileName { get; init; }

    /// <summary>Arguments passed as-is (no shell parsing), e.g. ["train.py"].</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Extra environment variables; the AIW_* contract variables are set after these and win.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<ModelTask> SupportedTasks { get; init; } = [ModelTask.Classification, ModelTask.Regression];

    /// <summary>Content type recorded on the artifact, telling consumers how to load the program's opaque bytes.</summary>
    public string ArtifactContentType { get; init; } = "application/octet-stream";

    /// <summary>The program's working directory, so relative script paths resolve; defaults to the scratch directory.</summary>
    public string? ProgramWorkingDirectory { get; init; }

    /// <summary>Where per-run scratch directories are created; defaults to the system temp directory.</summary>
    public string? ScratchRoot { get; init; }

    /// <summary>Keep the scratch directory after the run, to debug a failing program.</summary>
    public bool KeepScratchDirectory { get; init; }

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(FileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(ArtifactContentType);
        ArgumentNullException.ThrowIfNull(Arguments);
        ArgumentNullException.ThrowIfNull(Environment);
        if (SupportedTasks is null || SupportedTasks.Count == 0)
        {
            throw new ArgumentException("An external trainer must support at least one task.", nameof(SupportedTasks));
        }
    }
}
