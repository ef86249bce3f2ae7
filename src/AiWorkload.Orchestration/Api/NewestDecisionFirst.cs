using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Api;

/// <summary>The run store's decision order: decided_at descending, then decision_id descending.</summary>
internal sealed class NewestDecisionFirst : IComparer<PolicyDecision>
{
    public static readonly NewestDecisionFirst Instance = new();

    public int Compare(PolicyDecision? x, PolicyDecision? y) =>
        x is null || y is null ? Comparer<object>.Default.Compare(x, y)
        : y.DecidedAt.CompareTo(x.DecidedAt) is var byTime and not 0 ? byTime
        : string.CompareOrdinal(y.DecisionId, x.DecisionId);
}
