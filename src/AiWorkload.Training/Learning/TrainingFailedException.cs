namespace AiWorkload.Training.Learning;

/// <summary>
/// A training run that could not produce a model: an external program exited non-zero, overran its time budget,
/// or broke its output contract. The message carries the tail of the program's stderr, which is usually the
/// only clue to what went wrong.
/// </summary>
public sealed class TrainingFailedException : Exception
{
    public TrainingFailedException(
        string trainerName,
        string problem,
        int? exitCode = null,
        bool timedOut = false,
        string standardErrorTail = "",
        Exception? innerException = null)
        : base(Compose(trainerName, problem, standardErrorTail), innerException)
    {
        TrainerName = trainerName;
        ExitCode = exitCode;
        TimedOut = timedOut;
        StandardErrorTail = standardErrorTail;
    }

    public string TrainerName { get; }

    /// <summary>The program's exit code; null when it was killed or never ran.</summary>
    public int? ExitCode { get; }

    public bool TimedOut { get; }

    public string StandardErrorTail { get; }

    private static string Compose(string trainerName, string problem, string standardErrorTail) =>
        standardErrorTail.Length == 0
            ? $"Trainer '{trainerName}' failed: {problem} (stderr was empty)"
            : $"Trainer '{trainerName}' failed: {problem}\n--- last lines of stderr ---\n{standardErrorTail}";
}
