namespace AiWorkload.Orchestration.Store;

/// <summary>The result of a commit and, when committed, the ids the store gave the outbox entries.</summary>
public sealed record CommitOutcome(CommitResult Result, IReadOnlyList<long> OutboxIds)
{
    public static CommitOutcome Duplicate { get; } = new(CommitResult.Duplicate, []);

    public static CommitOutcome Conflict { get; } = new(CommitResult.Conflict, []);
}
