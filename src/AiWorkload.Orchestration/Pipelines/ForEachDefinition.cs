namespace AiWorkload.Orchestration.Pipelines;

/// <summary>
/// Runs <see cref="Activity"/> once per item, at most <see cref="Parallelism"/> at a time (Data Factory's ForEach with a
/// batch count). <see cref="Items"/> is a template that yields a JSON array or a comma-separated list; each iteration sees
/// <c>${item}</c>, <c>${item.FIELD}</c> for object items, and <c>${index}</c>. The first iteration that fails for good fails the loop.
/// </summary>
public sealed record ForEachDefinition(string Items, ActivityDefinition Activity)
{
    public const int MaxParallelism = 64;

    public int Parallelism { get; init; } = 1;
}
