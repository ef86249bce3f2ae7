using System.Text.Json;
using AiWorkload.Orchestration.Templates;

namespace AiWorkload.Orchestration.Runs;

/// <summary>
/// An event as the orchestrator keeps it: kept in a run's inbox when it correlates with the run, so an event that arrives
/// before the activity that waits for it (out of order) is found when that activity starts.
/// </summary>
public sealed class RunEvent
{
    public required string MessageId { get; init; }

    /// <summary>The event type: the message Subject.</summary>
    public required string Type { get; init; }

    public string? CorrelationId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public JsonElement Body { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Properties { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The activity that consumed it; an event satisfies one wait only.</summary>
    public string? ConsumedBy { get; set; }

    /// <summary>A top-level body field (case-insensitive), else an application property, as text.</summary>
    public string? GetField(string name)
    {
        if (JsonFields.Find(Body, name) is { } value)
        {
            return value;
        }

        foreach (var (key, property) in Properties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return JsonFields.AsText(property);
            }
        }

        return null;
    }
}
