namespace AiWorkload.Orchestration.Store;

/// <summary>One page of a newest-first listing, with the total so clients can show how many pages there are.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total)
{
    public bool HasMore => (long)PageNumber * PageSize < Total;
}
