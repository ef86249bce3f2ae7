namespace AiWorkload.Orchestration.Activities;

/// <summary>
/// The events an attempt waits for: one of <see cref="EventTypes"/>, correlated with the run (CorrelationId = run id)
/// unless <see cref="Correlated"/> is false, whose fields equal <see cref="Match"/> and that pass <see cref="Sql"/>.
/// </summary>
public sealed record EventWait(IReadOnlyList<string> EventTypes)
{
    /// <summary>Body fields (case-insensitive) or application properties that must equal these values.</summary>
    public IReadOnlyDictionary<string, string> Match { get; init; } = new Dictionary<string, string>();

    public bool Correlated { get; init; } = true;

    /// <summary>A Service Bus SQL filter over the event's properties (<c>sys.Label</c>, <c>user.model_id</c>, ...).</summary>
    public string? Sql { get; init; }
}
