namespace AiWorkload.Orchestration.Pipelines;

/// <summary>
/// One step of a pipeline. <see cref="Inputs"/> are templates (<c>${run.modelId}</c>, <c>${activities.train.output.jobId}</c>,
/// <c>${item}</c>) resolved when the activity starts; an activity may read only the outputs of activities it depends on.
/// </summary>
public sealed record ActivityDefinition(string Name, string Type)
{
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one attempt may take; null waits forever. Enforced with a scheduled message, so it survives restarts.</summary>
    public TimeSpan? Timeout { get; init; }

    public ActivityRetryPolicy Retry { get; init; } = ActivityRetryPolicy.None;

    /// <summary>Set exactly when <see cref="Type"/> is <c>forEach</c>.</summary>
    public ForEachDefinition? ForEach { get; init; }
}
