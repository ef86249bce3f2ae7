namespace AiWorkload.Orchestration.Store;

/// <summary>
/// What a drift or new-data policy decided about one event for one model, triggered or not, and why: operators read
/// these to understand a retraining, or its absence.
/// </summary>
public sealed record PolicyDecision(
    string DecisionId,
    string Policy,
    string? ModelId,
    string EventId,
    bool Triggered,
    string Reason,
    DateTimeOffset DecidedAt)
{
    public string? RunId { get; init; }

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
