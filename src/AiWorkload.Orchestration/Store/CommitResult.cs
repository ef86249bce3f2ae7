namespace AiWorkload.Orchestration.Store;

public enum CommitResult
{
    Committed,

    /// <summary>The dedupe key was already recorded: the message that caused this change was processed before.</summary>
    Duplicate,

    /// <summary>A run changed since it was read, or a single-flight key is taken: read again and recompute.</summary>
    Conflict,
}
