namespace AiWorkload.Messaging.Topology;

/// <summary>An invalid topology: <see cref="Location"/> says where (file, entity, field), the message says why.</summary>
public sealed class TopologyException : Exception
{
    public TopologyException(string location, string reason)
        : base($"{location}: {reason}")
    {
        Location = location;
        Reason = reason;
    }

    public TopologyException(string location, string reason, Exception? innerException)
        : base($"{location}: {reason}", innerException)
    {
        Location = location;
        Reason = reason;
    }

    public TopologyException()
        : this("topology", "invalid topology")
    {
    }

    public TopologyException(string message)
        : this("topology", message)
    {
    }

    public TopologyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = "topology";
        Reason = message;
    }

    public string Location { get; }

    public string Reason { get; }
}
