using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Api;

/// <summary>The run store's listing order: created_at descending, then run_id descending (ordinal, as SQLite and PostgreSQL "C" compare).</summary>
internal sealed class NewestRunFirst : IComparer<RunSummary>
{
    public static readonly NewestRunFirst Instance = new();

    public int Compare(RunSummary? x, RunSummary? y) =>
        x is null || y is null ? Comparer<object>.Default.Compare(x, y)
        : y.CreatedAt.CompareTo(x.CreatedAt) is var byTime and not 0 ? byTime
        : string.CompareOrdinal(y.RunId, x.RunId);
}
