using System.Text.Json;
using AiWorkload.Messaging.Rules;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Triggers;

/// <summary>
/// An event as the Service Bus rule language reads it, so triggers and waits filter with exactly the SQL and correlation
/// semantics subscription rules have. Read-only: filters never write.
/// </summary>
internal sealed class RunEventRuleView(RunEvent received) : IRuleMessage
{
    public object? GetSystemProperty(string name) => name switch
    {
        SystemProperties.MessageId => received.MessageId,
        SystemProperties.CorrelationId => received.CorrelationId,
        SystemProperties.Label => received.Type,
        SystemProperties.ContentType => "application/json",
        SystemProperties.EnqueuedTimeUtc => received.ReceivedAt.UtcDateTime,
        _ => null,
    };

    public bool TryGetApplicationProperty(string name, out object? value)
    {
        foreach (var (key, property) in received.Properties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.ValueKind switch
                {
                    JsonValueKind.String => property.GetString(),
                    JsonValueKind.Number => property.TryGetInt64(out var integer) ? integer : property.GetDouble(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
                return true;
            }
        }

        value = null;
        return false;
    }

    public void SetSystemProperty(string name, object? value) => throw new NotSupportedException("Trigger filters are read-only.");

    public void SetApplicationProperty(string name, object? value) => throw new NotSupportedException("Trigger filters are read-only.");

    public bool RemoveApplicationProperty(string name) => throw new NotSupportedException("Trigger filters are read-only.");
}
