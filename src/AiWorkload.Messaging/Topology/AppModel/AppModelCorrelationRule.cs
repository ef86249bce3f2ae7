namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>
/// A correlation rule in the shape of Aspire's AzureServiceBusRule and AzureServiceBusCorrelationFilter: Subject is
/// Aspire's Subject, To is Aspire's SendTo, and properties hold no null values (Aspire's dictionary cannot).
/// </summary>
public sealed record AppModelCorrelationRule(string Name)
{
    public string? CorrelationId { get; init; }

    public string? MessageId { get; init; }

    public string? To { get; init; }

    public string? ReplyTo { get; init; }

    public string? Subject { get; init; }

    public string? SessionId { get; init; }

    public string? ReplyToSessionId { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, object> Properties { get; init; } = new Dictionary<string, object>();
}
