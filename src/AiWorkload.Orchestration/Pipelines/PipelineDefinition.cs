namespace AiWorkload.Orchestration.Pipelines;

/// <summary>
/// A pipeline: a DAG of activities, the triggers that start it and default values for its run parameters. Declared in
/// C# or loaded from JSON/YAML (<see cref="Loading.PipelineLoader"/>); a run keeps a snapshot, so editing a pipeline never
/// changes a run already under way.
/// </summary>
public sealed record PipelineDefinition(string Name, IReadOnlyList<ActivityDefinition> Activities)
{
    public string? Description { get; init; }

    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];

    /// <summary>Defaults for <c>${run.parameters.NAME}</c>; a run's own parameters override them.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public ActivityDefinition? FindActivity(string name) =>
        Activities.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>True when some activity (or a ForEach's inner activity) is of <paramref name="type"/>.</summary>
    public bool Uses(string type) =>
        Activities.Any(a => string.Equals(a.Type, type, StringComparison.Ordinal)
            || (a.ForEach is { } forEach && string.Equals(forEach.Activity.Type, type, StringComparison.Ordinal)));
}
