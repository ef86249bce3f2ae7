namespace AiWorkload.Orchestration.Activities;

/// <summary>What an attempt did: completed with outputs, waits for an event, or failed (retryable or not).</summary>
public sealed record ActivityResult
{
    private static readonly IReadOnlyDictionary<string, string> NoOutputs = new Dictionary<string, string>();

    private ActivityResult(ActivityOutcome outcome)
    {
        Outcome = outcome;
    }

    public ActivityOutcome Outcome { get; }

    public IReadOnlyDictionary<string, string> Outputs { get; private init; } = NoOutputs;

    public EventWait? Wait { get; private init; }

    public string? Error { get; private init; }

    /// <summary>A retryable failure uses the activity's retry policy; any other fails the activity at once.</summary>
    public bool Retryable { get; private init; }

    public static ActivityResult Completed(IReadOnlyDictionary<string, string>? outputs = null) =>
        new(ActivityOutcome.Completed) { Outputs = outputs ?? NoOutputs };

    public static ActivityResult WaitFor(EventWait wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        return new(ActivityOutcome.Waiting) { Wait = wait };
    }

    public static ActivityResult Failed(string error, bool retryable = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(ActivityOutcome.Failed) { Error = error, Retryable = retryable };
    }
}
